-- Creates a course and adds it to its search index sets in the same step, so a search never
-- sees a course in a set it does not belong to, and a failed write leaves nothing behind.
-- KEYS[1] document, KEYS[2] index of all courses, KEYS[3 .. 2+n] search sets,
-- KEYS[3+n] idempotency key (optional).
-- ARGV[1] id, ARGV[2] document JSON, ARGV[3] n.
-- Returns {'CREATED'}, or {'EXISTING', id} with the id an earlier create with the same
-- idempotency key made.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local n = tonumber(ARGV[3])
local idempotency = KEYS[3 + n]
local earlier = earlier_create(idempotency, ARGV[#ARGV])
if earlier then return earlier end
if redis.call('SET', KEYS[1], ARGV[2], 'NX') == false then
  return redis.error_reply('DUPLICATE_ID')
end
redis.call('ZADD', KEYS[2], 0, ARGV[1])
for i = 3, 2 + n do redis.call('SADD', KEYS[i], ARGV[1]) end
remember_create(idempotency, ARGV[1], ARGV[#ARGV])
return {'CREATED'}
