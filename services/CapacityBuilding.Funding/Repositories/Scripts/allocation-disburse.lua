-- Disburses part of an allocation, never more than is left of it. Starts with
-- ledger-functions.lua. Returns {'CREATED', undisbursed_units, undisbursed_nanos} (after),
-- {'EXISTING', id}, {'MISSING'}, {'STATE', state}, {'EXCEEDS', undisbursed_units, undisbursed_nanos}
-- or {'CHAIN_MOVED'}.
-- KEYS[1] allocation ledger, KEYS[2] disbursement document, KEYS[3] the allocation's
-- disbursement index, KEYS[4] its pledge's ledger, KEYS[5] the pledge's ledger chain,
-- KEYS[6..8] the totals of all, of the donor and of the request (totals-functions.lua), KEYS[9]
-- idempotency key (optional).
-- ARGV[1] id, ARGV[2] JSON, ARGV[3] units, ARGV[4] nanos, ARGV[5] -units, ARGV[6] -nanos, ARGV[7] new allocation etag,
-- ARGV[8] expected chain head, ARGV[9] chain entry JSON, ARGV[10] its hash (chain-functions.lua),
-- ARGV[11] the totals groups, ARGV[12] the request's fingerprint (last, as idempotency.lua expects).
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[9], ARGV[#ARGV])
if earlier then return earlier end
local allocation = KEYS[1]
local state = redis.call('HGET', allocation, 'state')
if not state then return {'MISSING'} end
if state ~= 'ACTIVE' then return {'STATE', state} end
local undisbursed = redis.call('HMGET', allocation, 'undisbursed_units', 'undisbursed_nanos')
if not amount_ge(undisbursed[1], undisbursed[2], ARGV[3], ARGV[4]) then
  return {'EXCEEDS', undisbursed[1], undisbursed[2]}
end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('DUPLICATE_ID') end
if chain_moved(KEYS[4], ARGV[8]) then return {'CHAIN_MOVED'} end
chain_append(KEYS[4], KEYS[5], ARGV[9], ARGV[10])
amount_sub(allocation, 'undisbursed_units', 'undisbursed_nanos', ARGV[5], ARGV[6])
redis.call('HSET', allocation, 'etag', ARGV[7])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], 0, ARGV[1])
if is_totaled(allocation) then totals_add({KEYS[6], KEYS[7], KEYS[8]}, ARGV[11], 'disbursed', ARGV[3], ARGV[4]) end
remember_create(KEYS[9], ARGV[1], ARGV[#ARGV])
local after = redis.call('HMGET', allocation, 'undisbursed_units', 'undisbursed_nanos')
return {'CREATED', after[1], after[2]}
