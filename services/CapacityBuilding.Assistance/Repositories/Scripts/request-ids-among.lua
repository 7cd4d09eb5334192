-- The ids of one index that are also in any of the others: a requesting state's requests in some
-- lifecycle states. Walks the first index only (the state's own), so the cost is that state's count.
-- KEYS[1] the index walked, KEYS[2..] the indexes an id must be in one of. Returns the ids, in KEYS[1]'s order.
local found = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  for i = 2, #KEYS do
    if redis.call('ZSCORE', KEYS[i], id) then
      found[#found + 1] = id
      break
    end
  end
end
return found
