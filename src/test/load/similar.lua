dofile(os.getenv("AKIN_LOAD_DIR") .. "/common.lua")
request = function()
  return wrk.format("GET", "/api/papers/" .. pick(ids) .. "/similar?k=10")
end
