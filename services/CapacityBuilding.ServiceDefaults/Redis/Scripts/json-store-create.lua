-- KEYS[1] document, KEYS[2] index, KEYS[3] idempotency key (optional).
-- ARGV[1] id, ARGV[2] document JSON, ARGV[3] the create's fingerprint.
-- Returns {'CREATED'}, {'EXISTING', id} with the id an earlier call with the same
-- idempotency key created, or {'REQUEST_ID_REUSED'}. The document, its index entry and the key
-- land together or not at all.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[3], ARGV[3])
if earlier then return earlier end
if redis.call('SET', KEYS[1], ARGV[2], 'NX') == false then
  return redis.error_reply('DUPLICATE_ID')
end
redis.call('ZADD', KEYS[2], 0, ARGV[1])
remember_create(KEYS[3], ARGV[1], ARGV[3])
return {'CREATED'}
