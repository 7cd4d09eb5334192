-- The optimistic-concurrency write (AIP-154) shared by courses and sessions.
-- Replaces a document only if it still carries the etag the caller read, and moves its id
-- between search sets in the same step.
-- KEYS[1] document, KEYS[2 .. 1+r] sets to leave, KEYS[2+r ..] sets to join.
-- ARGV[1] id, ARGV[2] etag read, ARGV[3] new document JSON, ARGV[4] r.
-- Returns {'REPLACED'}, {'NOT_FOUND'} or {'STALE'}.
local current = redis.call('GET', KEYS[1])
if not current then return {'NOT_FOUND'} end
if cjson.decode(current).Etag ~= ARGV[2] then return {'STALE'} end
local r = tonumber(ARGV[4])
for i = 2, 1 + r do redis.call('SREM', KEYS[i], ARGV[1]) end
for i = 2 + r, #KEYS do redis.call('SADD', KEYS[i], ARGV[1]) end
redis.call('SET', KEYS[1], ARGV[3])
return {'REPLACED'}
