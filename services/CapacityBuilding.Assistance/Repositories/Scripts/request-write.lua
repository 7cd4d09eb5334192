-- Writes a request, its history entry, its index changes and its counter changes together or not at all.
-- KEYS[1] document, KEYS[2] history list, KEYS[3] idempotency key (create; else KEYS[1] again),
-- KEYS[4..n-2] index and counter keys, KEYS[n-1] the set of request ids in the budget sums, KEYS[n] the set of counted
-- request ids. ARGV[1] 'create' or 'replace', ARGV[2] etag the stored document must
-- have (replace), ARGV[3] document JSON, ARGV[4] history entry JSON ('' for none), ARGV[5] id,
-- ARGV[6] '1' when KEYS[3] is an idempotency key, ARGV[6 + i] '+member' or '-member' for KEYS[3 + i]
-- (a sorted set), '#delta:field' (a hash: HINCRBY, the field removed at zero; only for a request in KEYS[n]),
-- or '$delta:field' (the same for a budget sum; only for a request in KEYS[n-1]),
-- then the request's fingerprint (create).
-- Returns {'CREATED'}, {'EXISTING', id} (idempotent retry), {'REQUEST_ID_REUSED'}, {'REPLACED'}, {'NOT_FOUND'} or
-- {'STALE', etag}.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint, and it claims its
-- idempotency key in one command (claim_create) before it writes anything else.
local idempotency = nil
if ARGV[6] == '1' then idempotency = KEYS[3] end
local counted_key = KEYS[#KEYS]
local budgeted_key = KEYS[#KEYS - 1]
local counted = false
local budgeted = false
if ARGV[1] == 'create' then
  local earlier = claim_create(idempotency, ARGV[5], ARGV[#ARGV])
  if earlier then return earlier end
  if redis.call('SET', KEYS[1], ARGV[3], 'NX') == false then
    if idempotency then redis.call('DEL', idempotency) end
    return redis.error_reply('DUPLICATE_ID')
  end
  redis.call('SADD', counted_key, ARGV[5])
  redis.call('SADD', budgeted_key, ARGV[5])
  counted = true
  budgeted = true
else
  local current = redis.call('GET', KEYS[1])
  if not current then return {'NOT_FOUND'} end
  local etag = cjson.decode(current)['Etag']
  if etag ~= ARGV[2] then return {'STALE', etag} end
  redis.call('SET', KEYS[1], ARGV[3])
end
if ARGV[4] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[4]) end
-- A create has just counted its request; a replace asks (requests stored before the counters are not counted).
if not counted then counted = redis.call('SISMEMBER', counted_key, ARGV[5]) == 1 end
if not budgeted then budgeted = redis.call('SISMEMBER', budgeted_key, ARGV[5]) == 1 end
for i = 4, #KEYS - 2 do
  local change = ARGV[i + 3]
  local kind = string.sub(change, 1, 1)
  if kind == '+' then
    redis.call('ZADD', KEYS[i], 0, string.sub(change, 2))
  elseif kind == '-' then
    redis.call('ZREM', KEYS[i], string.sub(change, 2))
  elseif (kind == '#' and counted) or (kind == '$' and budgeted) then
    local delta, field = string.match(change, '^[#$](-?%d+):(.*)$')
    if redis.call('HINCRBY', KEYS[i], field, delta) == 0 then redis.call('HDEL', KEYS[i], field) end
  end
end
if ARGV[1] == 'create' then return {'CREATED'} end
return {'REPLACED'}
