-- Soak traffic: 45% similar, 25% search, 29% recommend, 1% upserts (with the token in AKIN_API_TOKEN).
dofile(os.getenv("AKIN_LOAD_DIR") .. "/common.lua")
local token = os.getenv("AKIN_API_TOKEN")
local n = 0
request = function()
  n = n + 1
  local r = math.random(100)
  if r <= 45 then
    return wrk.format("GET", "/api/papers/" .. pick(ids) .. "/similar?k=10")
  elseif r <= 70 then
    return wrk.format("GET", "/api/search?k=10&q=" .. urlencode(pick(queries)))
  elseif r <= 99 then
    local body = string.format('{"liked":["%s","%s"],"unliked":["%s"],"k":10}', pick(ids), pick(ids), pick(ids))
    return wrk.format("POST", "/api/recommend", {["Content-Type"] = "application/json"}, body)
  else
    local body = string.format('[{"id":"soak-%d","title":"Soak paper %d","abstract":"%s"}]', n % 50, n, pick(queries))
    return wrk.format("PUT", "/api/papers", {["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token}, body)
  end
end
