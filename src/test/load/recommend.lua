dofile(os.getenv("AKIN_LOAD_DIR") .. "/common.lua")
request = function()
  local body = string.format('{"liked":["%s","%s"],"unliked":["%s"],"k":10}', pick(ids), pick(ids), pick(ids))
  return wrk.format("POST", "/api/recommend", {["Content-Type"] = "application/json"}, body)
end
