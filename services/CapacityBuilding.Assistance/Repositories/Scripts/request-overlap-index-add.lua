-- Adds a request stored before the overlap index to its sets, if it is unchanged since it was read.
-- KEYS[1] document, KEYS[2..] overlap index sets. ARGV[1] etag of the version the members were
-- computed from, ARGV[i] the member for KEYS[i].
-- Returns {'ADDED'}, {'NOT_FOUND'} or {'STALE'} (changed since it was read: read it again).
local current = redis.call('GET', KEYS[1])
if not current then return {'NOT_FOUND'} end
if cjson.decode(current)['Etag'] ~= ARGV[1] then return {'STALE'} end
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], 0, ARGV[i])
end
return {'ADDED'}
