-- Adds a request stored before the counters existed to them, once.
-- KEYS[1] document, KEYS[2] the set of counted request ids, KEYS[3..] counter hashes.
-- ARGV[1] id, ARGV[2] etag of the version the contribution was computed from,
-- ARGV[2 + i] 'delta:field' for KEYS[2 + i].
-- Returns {'COUNTED'}, {'ALREADY'} (counted before, by its create or an earlier run),
-- {'NOT_FOUND'} or {'STALE'} (changed since it was read: read it again).
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {'ALREADY'} end
local current = redis.call('GET', KEYS[1])
if not current then return {'NOT_FOUND'} end
if cjson.decode(current)['Etag'] ~= ARGV[2] then return {'STALE'} end
for i = 3, #KEYS do
  local delta, field = string.match(ARGV[i], '^(-?%d+):(.*)$')
  redis.call('HINCRBY', KEYS[i], field, delta)
end
redis.call('SADD', KEYS[2], ARGV[1])
return {'COUNTED'}
