-- Records a contribution (money paid in) against a COMMITTED pledge, never beyond the pledge's
-- amount: the pledge's ledger keeps what is left to pay (unpaid_units/unpaid_nanos, the amount
-- until the first contribution), checked and lowered in this one step, so parallel contributions
-- can never add up to more than the pledge. Starts with idempotency.lua, ledger-functions.lua and
-- chain-functions.lua; the contribution is an entry on the pledge's ledger chain.
-- KEYS[1] pledge ledger, KEYS[2] contribution document, KEYS[3] the pledge's contribution index,
-- KEYS[4] the pledge's ledger chain, KEYS[5..6] the totals of all and of the donor
-- (totals-functions.lua: the money paid in counts in the same step), KEYS[7] idempotency key (optional).
-- ARGV[1] id, ARGV[2] JSON, ARGV[3] units, ARGV[4] nanos, ARGV[5] -units, ARGV[6] -nanos,
-- ARGV[7] new pledge etag, ARGV[8] time (Unix ms), ARGV[9] expected chain head, ARGV[10] chain
-- entry JSON, ARGV[11] its hash, ARGV[12] the totals groups, ARGV[13] the request's fingerprint
-- (last, as idempotency.lua expects).
-- Returns {'CREATED'}, {'EXISTING', id}, {'MISSING'}, {'NOT_COMMITTED', state},
-- {'EXCEEDS', unpaid_units, unpaid_nanos} or {'CHAIN_MOVED'}.
local earlier = earlier_create(KEYS[7], ARGV[#ARGV])
if earlier then return earlier end
local pledge = KEYS[1]
local state = redis.call('HGET', pledge, 'state')
if not state then return {'MISSING'} end
if state ~= 'COMMITTED' then return {'NOT_COMMITTED', state} end
local unpaid = redis.call('HMGET', pledge, 'unpaid_units', 'unpaid_nanos')
if not unpaid[1] then unpaid = redis.call('HMGET', pledge, 'amount_units', 'amount_nanos') end
if not amount_ge(unpaid[1], unpaid[2], ARGV[3], ARGV[4]) then
  return {'EXCEEDS', unpaid[1], unpaid[2]}
end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('DUPLICATE_ID') end
if chain_moved(pledge, ARGV[9]) then return {'CHAIN_MOVED'} end
chain_append(pledge, KEYS[4], ARGV[10], ARGV[11])
redis.call('HSET', pledge, 'unpaid_units', unpaid[1], 'unpaid_nanos', unpaid[2])
amount_sub(pledge, 'unpaid_units', 'unpaid_nanos', ARGV[5], ARGV[6])
redis.call('HSET', pledge, 'etag', ARGV[7], 'update_time', ARGV[8])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], 0, ARGV[1])
if is_totaled(pledge) then totals_add({KEYS[5], KEYS[6]}, ARGV[12], 'paid', ARGV[3], ARGV[4]) end
remember_create(KEYS[7], ARGV[1], ARGV[#ARGV])
return {'CREATED'}
