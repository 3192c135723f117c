dofile(os.getenv("AKIN_LOAD_DIR") .. "/common.lua")
request = function()
  return wrk.format("GET", "/api/search?k=10&q=" .. urlencode(pick(queries)))
end
