-- The ids of the active requests that may overlap one request: in any of the sets searched, starting
-- on or before its end (members order by start, so only those are read) and ending on or after its start.
-- KEYS the overlap index sets of the areas sharing an article with the request's.
-- ARGV[1] the highest member to read ('({end};' or '+'), ARGV[2] its start (yyyymmdd), ARGV[3] its own id, left out.
-- A member is '{start}:{end}:{id}', both days yyyymmdd. Returns each id once.
local found, seen = {}, {}
for i = 1, #KEYS do
  for _, member in ipairs(redis.call('ZRANGEBYLEX', KEYS[i], '-', ARGV[1])) do
    local id = string.sub(member, 19)
    if string.sub(member, 10, 17) >= ARGV[2] and id ~= ARGV[3] and not seen[id] then
      seen[id] = true
      found[#found + 1] = id
    end
  end
end
return found
