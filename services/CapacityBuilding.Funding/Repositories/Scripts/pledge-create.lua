-- KEYS[1] document, KEYS[2] ledger, KEYS[3] donor index, KEYS[4] ledger chain, KEYS[5..6] the
-- totals of all and of the donor (totals-functions.lua: the pledge counts from this step on),
-- KEYS[7] idempotency key (optional).
-- ARGV[1] id, ARGV[2] document JSON, ARGV[3] units, ARGV[4] nanos, ARGV[5] etag, ARGV[6] time,
-- ARGV[7] the chain's first entry JSON, ARGV[8] its hash (chain-functions.lua), ARGV[9] the totals
-- groups, ARGV[10] the request's fingerprint (last, as idempotency.lua expects).
-- Returns {'CREATED'}, or {'EXISTING', id} with the id an earlier create with the same key made.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[7], ARGV[#ARGV])
if earlier then return earlier end
if redis.call('SET', KEYS[1], ARGV[2], 'NX') == false then
  return redis.error_reply('DUPLICATE_ID')
end
redis.call('HSET', KEYS[2], 'state', 'PLEDGED', 'amount_units', ARGV[3], 'amount_nanos', ARGV[4],
  'remaining_units', ARGV[3], 'remaining_nanos', ARGV[4], 'etag', ARGV[5], 'update_time', ARGV[6])
chain_append(KEYS[2], KEYS[4], ARGV[7], ARGV[8])
redis.call('ZADD', KEYS[3], 0, ARGV[1])
redis.call('HSET', KEYS[2], 'totaled', '1')
totals_add({KEYS[5], KEYS[6]}, ARGV[9], 'pledged', ARGV[3], ARGV[4])
totals_add({KEYS[5], KEYS[6]}, ARGV[9], 'paid', '0', '0')
remember_create(KEYS[7], ARGV[1], ARGV[#ARGV])
return {'CREATED'}
