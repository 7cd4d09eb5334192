-- Writes an offer and, when the change is an event of the request's history, the request with
-- its new history entry: together or not at all, and only if neither changed since the change
-- was computed from them. So an offer never changes state without its history entry, and an
-- entry is never written for a change that did not happen.
-- KEYS[1] offer document, KEYS[2] request document, KEYS[3] request history list, KEYS[4]
-- idempotency key (create with a request id; else KEYS[1] again), KEYS[5..] sorted sets.
-- ARGV[1] 'create' or 'replace', ARGV[2] etag the stored offer must have (replace), ARGV[3] etag
-- the stored request must have ('' when the request is not written), ARGV[4] offer JSON,
-- ARGV[5] request JSON (or ''), ARGV[6] history entry JSON (or ''), ARGV[7] offer id, ARGV[8]
-- '1' when KEYS[4] is an idempotency key, ARGV[8 + i] for KEYS[4 + i]: '-member', or
-- '+score member'; removals come before additions. Last, the create's fingerprint.
-- Returns {'CREATED'}, {'EXISTING', id}, {'REQUEST_ID_REUSED'}, {'REPLACED'}, {'NOT_FOUND'}
-- (offer or request gone), {'STALE'} (the offer changed) or {'REQUEST_STALE'} (the request changed).
-- Starts with idempotency.lua.
local idempotency = nil
if ARGV[8] == '1' then idempotency = KEYS[4] end
if ARGV[1] == 'create' then
  local earlier = earlier_create(idempotency, ARGV[#ARGV])
  if earlier then return earlier end
  if redis.call('EXISTS', KEYS[1]) == 1 then return redis.error_reply('DUPLICATE_ID') end
else
  local current = redis.call('GET', KEYS[1])
  if not current then return {'NOT_FOUND'} end
  if cjson.decode(current)['Etag'] ~= ARGV[2] then return {'STALE'} end
end
if ARGV[3] ~= '' then
  local request = redis.call('GET', KEYS[2])
  if not request then return {'NOT_FOUND'} end
  if cjson.decode(request)['Etag'] ~= ARGV[3] then return {'REQUEST_STALE'} end
  redis.call('SET', KEYS[2], ARGV[5])
  redis.call('RPUSH', KEYS[3], ARGV[6])
end
redis.call('SET', KEYS[1], ARGV[4])
for i = 5, #KEYS do
  local change = ARGV[i + 4]
  if string.sub(change, 1, 1) == '-' then
    redis.call('ZREM', KEYS[i], string.sub(change, 2))
  else
    local space = string.find(change, ' ', 1, true)
    redis.call('ZADD', KEYS[i], tonumber(string.sub(change, 2, space - 1)), string.sub(change, space + 1))
  end
end
if ARGV[1] == 'create' then
  remember_create(idempotency, ARGV[7], ARGV[#ARGV])
  return {'CREATED'}
end
return {'REPLACED'}
