-- One page of a search. Every group of several sets is merged (ZUNIONSTORE) into a scratch key, the
-- groups are intersected (ZINTERSTORE) into the result key with every score 0, so the result
-- orders by id, that is by creation time, and the page is one ZREVRANGEBYLEX. Scratch keys
-- have fixed names: a script runs alone, so no other search can see or clobber them.
-- KEYS[1] result scratch key, KEYS[2 .. 1+g] group scratch keys, then the sets of every group
-- in order. ARGV[1] lexicographic start ('+' or '(' .. last id), ARGV[2] count,
-- ARGV[3] g, ARGV[4 .. 3+g] the number of sets of each group.
-- Returns { total matches, id, id, ... }.
local g = tonumber(ARGV[3])
local next = 2 + g
-- Lua expands unpack() only as the last argument, so every command's arguments are built
-- as one table.
local intersect = { 'ZINTERSTORE', KEYS[1], g }
for i = 1, g do
  local size = tonumber(ARGV[3 + i])
  if size == 1 then
    table.insert(intersect, KEYS[next])
  else
    local union = { 'ZUNIONSTORE', KEYS[1 + i], size }
    for j = 0, size - 1 do table.insert(union, KEYS[next + j]) end
    table.insert(union, 'WEIGHTS')
    for j = 1, size do table.insert(union, 0) end
    redis.call(unpack(union))
    table.insert(intersect, KEYS[1 + i])
  end
  next = next + size
end
table.insert(intersect, 'WEIGHTS')
for i = 1, g do table.insert(intersect, 0) end
redis.call(unpack(intersect))
local total = redis.call('ZCARD', KEYS[1])
local ids = redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[1], '-', 'LIMIT', 0, tonumber(ARGV[2]))
for i = 1, 1 + g do redis.call('DEL', KEYS[i]) end
table.insert(ids, 1, total)
return ids
