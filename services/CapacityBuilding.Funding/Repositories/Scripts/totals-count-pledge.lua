-- Counts a pledge stored before the totals existed into them, as its ledger is now, once
-- (FundingTotalsRebuild). Starts with totals-functions.lua; one step, as totals-count-allocation.lua.
-- KEYS[1] pledge ledger, KEYS[2..3] the totals of all and of the donor. ARGV[1] the totals groups.
-- Returns {'COUNTED'}, {'ALREADY'} or {'MISSING'}.
local pledge = KEYS[1]
local l = redis.call('HMGET', pledge, 'state', 'amount_units', 'amount_nanos', 'unpaid_units', 'unpaid_nanos')
if not l[1] then return {'MISSING'} end
if is_totaled(pledge) then return {'ALREADY'} end
local totals = {KEYS[2], KEYS[3]}
if l[1] ~= 'CANCELLED' then totals_add(totals, ARGV[1], string.lower(l[1]), l[2], l[3]) end
-- Paid is the amount less what is left to pay; nothing before the first contribution.
totals_add(totals, ARGV[1], 'paid', '0', '0')
if l[4] then
  totals_add(totals, ARGV[1], 'paid', l[2], l[3])
  totals_add(totals, ARGV[1], 'paid', negated(l[4]), negated(l[5]))
end
redis.call('HSET', pledge, 'totaled', '1')
return {'COUNTED'}
