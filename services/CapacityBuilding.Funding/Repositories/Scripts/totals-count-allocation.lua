-- Counts an allocation stored before the totals existed into them, as its ledger is now, once
-- (FundingTotalsRebuild). Starts with totals-functions.lua. Reading the ledger and counting are one
-- step, so a change racing the rebuild is either counted here or by its own script, never twice.
-- KEYS[1] allocation ledger, KEYS[2..4] the totals of all, of the donor and of the request,
-- KEYS[5..11] the donor's funded requests and budget sums (budget_sync in totals-functions.lua).
-- ARGV[1] the totals groups, ARGV[2] the request's id, ARGV[3] the donor's id.
-- Returns {'COUNTED'}, {'ALREADY'} (counted by its create or an earlier run) or {'MISSING'}.
local allocation = KEYS[1]
local l = redis.call('HMGET', allocation, 'state', 'amount_units', 'amount_nanos', 'undisbursed_units', 'undisbursed_nanos')
if not l[1] then return {'MISSING'} end
if is_totaled(allocation) then return {'ALREADY'} end
local totals = {KEYS[2], KEYS[3], KEYS[4]}
-- Disbursed is the amount less what is left: added as two increments, no subtraction needed.
totals_add(totals, ARGV[1], 'disbursed', l[2], l[3])
totals_add(totals, ARGV[1], 'disbursed', negated(l[4]), negated(l[5]))
if l[1] == 'ACTIVE' then
  totals_add(totals, ARGV[1], 'allocated', l[2], l[3])
  funded_add({unpack(KEYS, 5, 11)}, ARGV[3], ARGV[2])
elseif l[1] == 'PROPOSED' then
  totals_add(totals, ARGV[1], 'offered', l[2], l[3])
end
redis.call('HSET', allocation, 'totaled', '1')
return {'COUNTED'}
