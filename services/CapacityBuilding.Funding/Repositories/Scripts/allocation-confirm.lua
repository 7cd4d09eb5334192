-- Confirms a PROPOSED allocation: the requesting state accepted the offer it serves, so the money
-- it already holds becomes allocated (ACTIVE). Confirming an ACTIVE allocation changes nothing
-- and answers the same, so the assistance service can finish an interrupted acceptance by simply
-- confirming again. A request closed to funding (request-funding-close.lua) is checked in the
-- same step, so a withdrawal and an acceptance racing each other never both succeed.
-- Its money moves from offered to allocated in the totals (totals-functions.lua) in the same step.
-- KEYS[1] allocation ledger, KEYS[2] pledge ledger, KEYS[3] pledge ledger chain, KEYS[4] the
-- request's closures, KEYS[5..7] the totals of all, of the donor and of the request, KEYS[8..14]
-- the donor's funded requests and budget sums (budget_sync in totals-functions.lua).
-- ARGV[1] new allocation etag, ARGV[2] new pledge etag, ARGV[3] time (Unix ms), ARGV[4] expected
-- chain head, ARGV[5] chain entry JSON, ARGV[6] its hash (chain-functions.lua), ARGV[7] the totals
-- groups, ARGV[8] the request's id, ARGV[9] the donor's id.
-- Returns {'CONFIRMED', ledger field, value, ...}, {'MISSING'}, {'STATE', state}, {'CLOSED'} or
-- {'CHAIN_MOVED'}.
local allocation = KEYS[1]
local state = redis.call('HGET', allocation, 'state')
if not state then return {'MISSING'} end
if state ~= 'ACTIVE' then
  if state ~= 'PROPOSED' then return {'STATE', state} end
  if redis.call('SCARD', KEYS[4]) > 0 then return {'CLOSED'} end
  if chain_moved(KEYS[2], ARGV[4]) then return {'CHAIN_MOVED'} end
  chain_append(KEYS[2], KEYS[3], ARGV[5], ARGV[6])
  redis.call('HSET', KEYS[2], 'etag', ARGV[2], 'update_time', ARGV[3])
  redis.call('HSET', allocation, 'state', 'ACTIVE', 'etag', ARGV[1])
  if is_totaled(allocation) then
    local totals = {KEYS[5], KEYS[6], KEYS[7]}
    local l = redis.call('HMGET', allocation, 'amount_units', 'amount_nanos')
    totals_add(totals, ARGV[7], 'offered', negated(l[1]), negated(l[2]))
    totals_add(totals, ARGV[7], 'allocated', l[1], l[2])
    funded_add({unpack(KEYS, 8, 14)}, ARGV[9], ARGV[8])
  end
end
local result = redis.call('HGETALL', allocation)
table.insert(result, 1, 'CONFIRMED')
return result
