-- KEYS[1] document, KEYS[2] index, KEYS[3] idempotency key (optional).
-- ARGV[1] id, ARGV[2] document JSON.
-- Returns {'CREATED'}, or {'EXISTING', id} with the id an earlier call with the same
-- idempotency key created. The document, its index entry and the key land together or not
-- at all.
-- Starts with idempotency.lua.
local earlier = earlier_create(KEYS[3])
if earlier then return {'EXISTING', earlier} end
if redis.call('SET', KEYS[1], ARGV[2], 'NX') == false then
  return redis.error_reply('DUPLICATE_ID')
end
redis.call('ZADD', KEYS[2], 0, ARGV[1])
remember_create(KEYS[3], ARGV[1])
return {'CREATED'}
