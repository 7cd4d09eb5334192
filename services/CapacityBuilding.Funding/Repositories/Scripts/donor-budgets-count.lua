-- Counts the budget entries of a funded request with allocations stored before the donors' budget sums existed
-- into the sums of each donor that funds it (DonorBudgetsBackfill): stores its entries unless
-- money reaching it stored them already, adds the donors found among its allocations to its
-- funding donors, and brings each to budget_sync (totals-functions.lua). Finding the donors and
-- syncing are one step, and budget_sync adds a request to a donor's sums once however often it
-- runs, so a run cut short is simply run again and changes going on meanwhile count once.
-- KEYS[1] the request's allocation index, KEYS[2] its funding donors, KEYS[3] its budget
-- entries, KEYS[4] its closures.
-- ARGV[1] the service's key prefix ('funding:'): the allocations and the donors' keys are found
-- from the index, so they cannot be listed as KEYS beforehand without a race. ARGV[2] the
-- request's id, ARGV[3] its budget entries.
-- Returns {'COUNTED'}.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'COUNTED'} end
redis.call('SET', KEYS[3], ARGV[3], 'NX')
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local document = redis.call('GET', ARGV[1] .. 'allocations:' .. id)
  if document then
    local donor_id = cjson.decode(document).DonorId
    if redis.call('HEXISTS', ARGV[1] .. 'donors:' .. donor_id .. ':funded-counts', ARGV[2]) == 1 then
      redis.call('SADD', KEYS[2], donor_id)
    end
  end
end
budget_sync_donors(ARGV[1], {KEYS[2], KEYS[3], KEYS[4]}, ARGV[2])
return {'COUNTED'}
