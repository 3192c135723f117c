-- Shared by the load scenarios: random picks from ids.txt / queries.txt, and one machine-readable result line.
local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end

ids = lines(os.getenv("AKIN_LOAD_DIR") .. "/ids.txt")
queries = lines(os.getenv("AKIN_LOAD_DIR") .. "/queries.txt")

function pick(list) return list[math.random(#list)] end

function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
