-- Releases an undisbursed (ACTIVE or PROPOSED) allocation and gives its amount back to the pledge.
-- Releasing a released allocation changes nothing and answers as the release did, so a caller
-- retrying (the assistance service letting go of an offer's hold) needs no etag. Starts with
-- ledger-functions.lua. Returns {'RELEASED', ledger field, value, ...}, {'MISSING'},
-- {'STALE'} (etag), {'STATE', state}, {'DISBURSED', undisbursed_units, undisbursed_nanos} or {'CHAIN_MOVED'}.
-- Its money leaves the totals (totals-functions.lua) in the same step.
-- KEYS[1] allocation ledger, KEYS[2] pledge ledger, KEYS[3] pledge ledger chain, KEYS[4..6] the
-- totals of all, of the donor and of the request, KEYS[7..13] the donor's funded requests and
-- budget sums (budget_sync in totals-functions.lua).
-- ARGV[1] expected etag ('' for any), ARGV[2] new allocation etag, ARGV[3] new pledge etag, ARGV[4] time,
-- ARGV[5] '1' to release a PROPOSED allocation only (the assistance service letting go of an
-- offer's hold: one the requesting state accepted meanwhile stays ACTIVE), '0' for either,
-- ARGV[6] expected chain head, ARGV[7] chain entry JSON, ARGV[8] its hash (chain-functions.lua),
-- ARGV[9] the totals groups, ARGV[10] the request's id, ARGV[11] the donor's id.
local allocation = KEYS[1]
local state = redis.call('HGET', allocation, 'state')
if not state then return {'MISSING'} end
if state == 'RELEASED' then
  local result = redis.call('HGETALL', allocation)
  table.insert(result, 1, 'RELEASED')
  return result
end
if ARGV[1] ~= '' and ARGV[1] ~= redis.call('HGET', allocation, 'etag') then return {'STALE'} end
if state ~= 'PROPOSED' and (state ~= 'ACTIVE' or ARGV[5] == '1') then return {'STATE', state} end
local l = redis.call('HMGET', allocation, 'amount_units', 'amount_nanos', 'undisbursed_units', 'undisbursed_nanos')
if l[1] ~= l[3] or l[2] ~= l[4] then return {'DISBURSED', l[3], l[4]} end
if chain_moved(KEYS[2], ARGV[6]) then return {'CHAIN_MOVED'} end
chain_append(KEYS[2], KEYS[3], ARGV[7], ARGV[8])
amount_add(KEYS[2], 'remaining_units', 'remaining_nanos', l[1], l[2])
redis.call('HSET', KEYS[2], 'etag', ARGV[3], 'update_time', ARGV[4])
redis.call('HSET', allocation, 'state', 'RELEASED', 'etag', ARGV[2], 'release_time', ARGV[4])
if is_totaled(allocation) then
  local figure = 'offered'
  if state == 'ACTIVE' then
    figure = 'allocated'
    funded_remove({unpack(KEYS, 7, 13)}, ARGV[11], ARGV[10])
  end
  totals_add({KEYS[4], KEYS[5], KEYS[6]}, ARGV[9], figure, negated(l[1]), negated(l[2]))
end
local result = redis.call('HGETALL', allocation)
table.insert(result, 1, 'RELEASED')
return result
