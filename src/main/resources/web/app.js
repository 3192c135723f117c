// The page's only logic: call the JSON API and render answers. No build step.
const $ = id => document.getElementById(id);
const ID = /^[\p{L}\p{N}._:\/+-]{1,256}$/u;

// The ensemble (two models) answers text searches only, by its own fusion: similar papers keep their default
// mode, and diversity and reasons apply to them alone.
function filters(textSearch) {
  const p = new URLSearchParams({k: '10'});
  if ($('yearFrom').value) p.set('yearFrom', $('yearFrom').value);
  if ($('yearTo').value) p.set('yearTo', $('yearTo').value);
  const ensemble = $('mode').value === 'ensemble';
  if ($('mode').value && !(ensemble && !textSearch)) p.set('mode', $('mode').value);
  if (ensemble && textSearch) return p;
  if ($('diverse').checked) p.set('mmr', '0.7');
  if ($('explain').checked) p.set('explain', 'true');
  return p;
}

async function call(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function render(heading, answer) {
  $('heading').hidden = false;
  $('heading').textContent = heading;
  const list = $('results');
  list.textContent = '';
  for (const hit of answer.results) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#' + encodeURIComponent(hit.id);
    a.textContent = hit.title;
    a.dataset.id = hit.id;
    a.addEventListener('click', event => { event.preventDefault(); similar(hit.id, hit.title); });
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.append((hit.year ?? 'n.d.') + ' · score ');
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = hit.score.toFixed(3);
    meta.append(score);
    li.append(a, meta);
    const why = answer.why && answer.why[hit.id];
    if (why) li.append(explanation(why));
    list.append(li);
  }
  status(`${answer.results.length} results · ${answer.mode} · ${answer.exact ? 'exact' : 'approximate'} search`
    + ` · model ${answer.model}`);
}

// The closest sentence pair and the shared terms, as text nodes (never HTML from the answer).
function explanation(why) {
  const box = document.createElement('div');
  box.className = 'why';
  const pair = document.createElement('p');
  pair.textContent = `“${why.querySentence}” ~ “${why.paperSentence}” (${why.sentenceScore.toFixed(2)})`;
  const terms = document.createElement('p');
  terms.className = 'terms';
  terms.textContent = why.sharedTerms.length ? 'shared: ' + why.sharedTerms.join(', ') : '';
  box.append(pair, terms);
  return box;
}

function status(text, error) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

async function similar(id, title, focus) {
  status('Finding papers like this one…');
  try {
    const p = filters(false);
    if (focus) p.set('focus', focus);
    const answer = await call(`/api/papers/${encodeURIComponent(id)}/similar?` + p);
    render('Similar to: ' + (title || id) + (focus ? ' (in one respect)' : ''), answer);
    history.replaceState(null, '', '#' + encodeURIComponent(id));
    await focusChoices(id, focus);
  } catch (e) { status(e.message, true); }
}

// The paper's sentences as buttons: one asks for papers like it in that respect (its method, say).
async function focusChoices(id, current) {
  const box = $('focus');
  box.textContent = '';
  const paper = await call(`/api/papers/${encodeURIComponent(id)}`);
  const sentences = (paper.abstract.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) || [])
    .map(t => t.trim()).filter(t => t.length > 20).slice(0, 12);
  if (!sentences.length) { box.hidden = true; return; }
  const summary = document.createElement('summary');
  summary.textContent = 'Similar in one respect: pick one of its sentences';
  box.append(summary);
  if (current) {
    const all = document.createElement('button');
    all.type = 'button';
    all.className = 'whole';
    all.textContent = 'back to the whole paper';
    all.addEventListener('click', () => similar(id, paper.title));
    box.append(all);
  }
  for (const sentence of sentences) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'sentence' + (sentence === current ? ' current' : '');
    b.textContent = sentence;
    b.addEventListener('click', () => similar(id, paper.title, sentence));
    box.append(b);
  }
  box.open = Boolean(current);
  box.hidden = false;
}

async function search(q) {
  status('Searching…');
  // A paper id typed into the box shows that paper's similar papers.
  if (ID.test(q) && !q.includes(' ')) {
    try {
      const paper = await call(`/api/papers/${encodeURIComponent(q)}`);
      return similar(paper.id, paper.title);
    } catch (e) { /* not an id: search it as text */ }
  }
  try {
    const p = filters(true);
    p.set('q', q);
    $('focus').hidden = true;
    render('Results for: ' + q, await call('/api/search?' + p));
  } catch (e) { status(e.message, true); }
}

$('search').addEventListener('submit', event => {
  event.preventDefault();
  search($('q').value.trim());
});

// A server started with a second model's index offers the ensemble.
call('/health').then(health => {
  if (!health.ensemble) return;
  const option = document.createElement('option');
  option.value = 'ensemble';
  option.textContent = 'two models (ensemble)';
  option.title = health.ensemble;
  $('mode').append(option);
}).catch(() => { /* the page works without it */ });

if (location.hash.length > 1) similar(decodeURIComponent(location.hash.slice(1)));
