-- Closes a request to funding for one withdrawal, unless money is allocated to it and not yet
-- paid out (an ACTIVE allocation with an undisbursed amount; one paid out in full holds nothing
-- more). The check and the write are one step, as allocation-allocate.lua checks the closures
-- and allocates in one step, so of a withdrawal and an allocation racing each other only one
-- can succeed. A closed request leaves its donors' budget sums in the same step (budget_sync in
-- totals-functions.lua): the summary counts no withdrawn request.
-- KEYS[1] the request's allocation index, KEYS[2] its closures (a set of closure ids), KEYS[3]
-- its funding donors, KEYS[4] its budget entries.
-- ARGV[1] closure id, ARGV[2] the key prefix of allocations ('funding:allocations:'), ARGV[3]
-- the service's key prefix ('funding:'): the allocations' ledgers and the donors' sums are found
-- from the index and the funding donors, so they cannot be listed as KEYS beforehand without a
-- race; they are all under the service's prefix. ARGV[4] the request's id.
-- Returns {'CLOSED'} or {'ALLOCATED', count of allocations holding undisbursed money}.
local allocated = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local l = redis.call('HMGET', ARGV[2] .. id .. ':ledger', 'state', 'undisbursed_units', 'undisbursed_nanos')
  if l[1] == 'ACTIVE' and (l[2] ~= '0' or l[3] ~= '0') then allocated = allocated + 1 end
end
if allocated > 0 then return {'ALLOCATED', tostring(allocated)} end
redis.call('SADD', KEYS[2], ARGV[1])
budget_sync_donors(ARGV[3], {KEYS[3], KEYS[4], KEYS[2]}, ARGV[4])
return {'CLOSED'}
