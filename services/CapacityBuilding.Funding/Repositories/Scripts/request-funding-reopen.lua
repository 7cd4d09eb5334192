-- Takes back one withdrawal's closure of a request to funding (request-funding-close.lua); when no
-- other closure holds it, the request is back in its donors' budget sums in the same step
-- (budget_sync in totals-functions.lua).
-- KEYS[1] the request's closures, KEYS[2] its funding donors, KEYS[3] its budget entries.
-- ARGV[1] closure id, ARGV[2] the service's key prefix ('funding:'), ARGV[3] the request's id.
-- Returns {'REOPENED'}.
redis.call('SREM', KEYS[1], ARGV[1])
budget_sync_donors(ARGV[2], {KEYS[2], KEYS[3], KEYS[1]}, ARGV[3])
return {'REOPENED'}
