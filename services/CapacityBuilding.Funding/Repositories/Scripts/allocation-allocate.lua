-- Allocates part of a pledge: checks the pledge's balance and writes in one step, so parallel
-- calls can neither overdraw the pledge nor lose an update, and refuses a request closed to funding
-- (request-funding-close.lua) in the same step. Starts with ledger-functions.lua and
-- totals-functions.lua: the new allocation's money goes into the totals in this step.
-- KEYS[1] pledge ledger, KEYS[2] allocation document, KEYS[3] allocation ledger, KEYS[4] index,
-- KEYS[5] request index, KEYS[6] donor index, KEYS[7] pledge ledger chain, KEYS[8] the request's
-- closures, KEYS[9..11] the totals of all, of the donor and of the request, KEYS[12..18] the
-- donor's funded requests and budget sums (budget_sync in totals-functions.lua), KEYS[19]
-- idempotency key (optional).
-- ARGV[1] id, ARGV[2] document JSON, ARGV[3] units, ARGV[4] nanos, ARGV[5] -units, ARGV[6] -nanos,
-- ARGV[7] new pledge etag, ARGV[8] allocation etag, ARGV[9] time (Unix ms), ARGV[10] the new
-- allocation's state (ACTIVE, or PROPOSED: it holds the money all the same), ARGV[11] expected chain
-- head, ARGV[12] chain entry JSON, ARGV[13] its hash (chain-functions.lua), ARGV[14] the totals
-- groups (totals-functions.lua), ARGV[15] the request's id, ARGV[16] the donor's id, ARGV[17] the
-- request's budget entries (stored the first time money reaches it), ARGV[18] the request's
-- fingerprint (last, as idempotency.lua expects).
-- Only a COMMITTED pledge gives money: a pledge is an intention, a commitment is what can be spent.
-- Returns {'CREATED', remaining_units, remaining_nanos} (after), {'EXISTING', id}, {'MISSING'},
-- {'CANCELLED'}, {'NOT_COMMITTED', state}, {'CLOSED'}, {'INSUFFICIENT', remaining_units,
-- remaining_nanos} or {'CHAIN_MOVED'}.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[19], ARGV[#ARGV])
if earlier then return earlier end
if redis.call('SCARD', KEYS[8]) > 0 then return {'CLOSED'} end
local pledge = KEYS[1]
local state = redis.call('HGET', pledge, 'state')
if not state then return {'MISSING'} end
if state == 'CANCELLED' then return {'CANCELLED'} end
if state ~= 'COMMITTED' then return {'NOT_COMMITTED', state} end
local remaining = redis.call('HMGET', pledge, 'remaining_units', 'remaining_nanos')
if not amount_ge(remaining[1], remaining[2], ARGV[3], ARGV[4]) then
  return {'INSUFFICIENT', remaining[1], remaining[2]}
end
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('DUPLICATE_ID') end
if chain_moved(pledge, ARGV[11]) then return {'CHAIN_MOVED'} end
chain_append(pledge, KEYS[7], ARGV[12], ARGV[13])
amount_sub(pledge, 'remaining_units', 'remaining_nanos', ARGV[5], ARGV[6])
redis.call('HSET', pledge, 'etag', ARGV[7], 'update_time', ARGV[9])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[3], 'state', ARGV[10], 'amount_units', ARGV[3], 'amount_nanos', ARGV[4],
  'undisbursed_units', ARGV[3], 'undisbursed_nanos', ARGV[4], 'etag', ARGV[8])
redis.call('ZADD', KEYS[4], 0, ARGV[1])
redis.call('ZADD', KEYS[5], 0, ARGV[1])
redis.call('ZADD', KEYS[6], 0, ARGV[1])
local totals = {KEYS[9], KEYS[10], KEYS[11]}
redis.call('SET', KEYS[17], ARGV[17], 'NX')
redis.call('HSET', KEYS[3], 'totaled', '1')
totals_add(totals, ARGV[14], 'disbursed', '0', '0')
if ARGV[10] == 'ACTIVE' then
  totals_add(totals, ARGV[14], 'allocated', ARGV[3], ARGV[4])
  funded_add({unpack(KEYS, 12, 18)}, ARGV[16], ARGV[15])
else
  totals_add(totals, ARGV[14], 'offered', ARGV[3], ARGV[4])
end
remember_create(KEYS[19], ARGV[1], ARGV[#ARGV])
local after = redis.call('HMGET', pledge, 'remaining_units', 'remaining_nanos')
return {'CREATED', after[1], after[2]}
