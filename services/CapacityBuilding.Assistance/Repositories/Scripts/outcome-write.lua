-- Writes an outcome of a request with the history entry recording it: outcome, index, entry,
-- request and idempotency key land together or not at all.
-- KEYS[1] request, KEYS[2] its history list, KEYS[3] the outcome, KEYS[4] the request's outcome
-- index (sorted set of outcome ids), KEYS[5] idempotency key (create with a request id; else KEYS[3] again).
-- ARGV[1] 'create' or 'replace', ARGV[2] the request's etag the entry was computed from,
-- ARGV[3] the request's new version (JSON), ARGV[4] the entry (JSON), ARGV[5] the outcome (JSON),
-- ARGV[6] its id, ARGV[7] the etag the stored outcome must have (replace), ARGV[8] '1' when
-- KEYS[5] is an idempotency key, ARGV[9] the create's fingerprint.
-- Returns {'CREATED'}, {'EXISTING', id} (idempotent retry), {'REQUEST_ID_REUSED'}, {'REPLACED'},
-- {'NOT_FOUND'}, {'STALE', etag} when the request moved on, {'OUTCOME_STALE', etag} when the outcome did.
-- Starts with idempotency.lua and request-history.lua.
local creating = ARGV[1] == 'create'
local idempotency = nil
if ARGV[8] == '1' then idempotency = KEYS[5] end
if creating then
  local earlier = earlier_create(idempotency, ARGV[#ARGV])
  if earlier then return earlier end
end
local moved = request_moved(KEYS[1], ARGV[2])
if moved then return moved end
if creating then
  if redis.call('EXISTS', KEYS[3]) == 1 then return redis.error_reply('DUPLICATE_ID') end
  redis.call('ZADD', KEYS[4], 0, ARGV[6])
  remember_create(idempotency, ARGV[6], ARGV[#ARGV])
else
  local current = redis.call('GET', KEYS[3])
  if not current then return {'NOT_FOUND'} end
  local etag = cjson.decode(current)['Etag']
  if etag ~= ARGV[7] then return {'OUTCOME_STALE', etag} end
end
redis.call('SET', KEYS[3], ARGV[5])
append_entry(KEYS[1], KEYS[2], ARGV[3], ARGV[4])
if creating then return {'CREATED'} end
return {'REPLACED'}
