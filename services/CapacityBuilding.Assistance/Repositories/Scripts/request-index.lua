-- Adds a request, as read, to index sorted sets (score 0), unless it changed since it was read: a
-- write that raced the read has already put it in the sets of its new version.
-- KEYS[1] document, KEYS[2..] sorted sets. ARGV[1] etag of the version the members were computed
-- from, ARGV[i] the member for KEYS[i]. ZADD makes a second run a no-op.
-- Returns {'INDEXED'}, {'NOT_FOUND'} or {'STALE'} (changed since it was read: read it again).
local current = redis.call('GET', KEYS[1])
if not current then return {'NOT_FOUND'} end
if cjson.decode(current)['Etag'] ~= ARGV[1] then return {'STALE'} end
for i = 2, #KEYS do redis.call('ZADD', KEYS[i], 0, ARGV[i]) end
return {'INDEXED'}
