-- Writes a request, its history entry and its index changes together or not at all.
-- KEYS[1] document, KEYS[2] history list, KEYS[3] idempotency key (create; else KEYS[1] again),
-- KEYS[4..] index keys. ARGV[1] 'create' or 'replace', ARGV[2] etag the stored document must
-- have (replace), ARGV[3] document JSON, ARGV[4] history entry JSON ('' for none), ARGV[5] id,
-- ARGV[6] '1' when KEYS[3] is an idempotency key, ARGV[6 + i] '+member' or '-member' for KEYS[3 + i],
-- then the request's fingerprint (create).
-- Returns {'CREATED'}, {'EXISTING', id} (idempotent retry), {'REQUEST_ID_REUSED'}, {'REPLACED'}, {'NOT_FOUND'} or
-- {'STALE', etag}.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local idempotency = nil
if ARGV[6] == '1' then idempotency = KEYS[3] end
if ARGV[1] == 'create' then
  local earlier = earlier_create(idempotency, ARGV[#ARGV])
  if earlier then return earlier end
  if redis.call('SET', KEYS[1], ARGV[3], 'NX') == false then
    return redis.error_reply('DUPLICATE_ID')
  end
  remember_create(idempotency, ARGV[5], ARGV[#ARGV])
else
  local current = redis.call('GET', KEYS[1])
  if not current then return {'NOT_FOUND'} end
  local etag = cjson.decode(current)['Etag']
  if etag ~= ARGV[2] then return {'STALE', etag} end
  redis.call('SET', KEYS[1], ARGV[3])
end
if ARGV[4] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[4]) end
for i = 4, #KEYS do
  local change = ARGV[i + 3]
  if string.sub(change, 1, 1) == '+' then
    redis.call('ZADD', KEYS[i], 0, string.sub(change, 2))
  else
    redis.call('ZREM', KEYS[i], string.sub(change, 2))
  end
end
if ARGV[1] == 'create' then return {'CREATED'} end
return {'REPLACED'}
