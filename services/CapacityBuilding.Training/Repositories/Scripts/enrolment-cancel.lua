-- Cancels an enrolment; a confirmed seat of a scheduled session goes to the first on the
-- waitlist in the same step, so a seat is never lost or given twice.
-- KEYS[1] enrolment document, KEYS[2] session document, KEYS[3] confirmed set, KEYS[4]
-- waitlist, KEYS[5] participants hash.
-- ARGV[1] session id, ARGV[2] now (the JSON form of UpdateTime), ARGV[3] the prefixed key of
-- an enrolment document without its id (the promoted enrolment is only known here).
-- Returns { 'CANCELLED', json, promoted json or '' }, { 'NOT_FOUND' } or { 'ALREADY_CANCELLED' }.
local enrolment = redis.call('GET', KEYS[1])
if not enrolment then return { 'NOT_FOUND' } end
enrolment = cjson.decode(enrolment)
if enrolment.SessionId ~= ARGV[1] then return { 'NOT_FOUND' } end
if enrolment.State == 'Cancelled' then return { 'ALREADY_CANCELLED' } end
local promoted = ''
if enrolment.State == 'Confirmed' then
  redis.call('SREM', KEYS[3], enrolment.Id)
  local session = cjson.decode(redis.call('GET', KEYS[2]))
  if session.Status == 'Scheduled' then
    local first = redis.call('ZRANGE', KEYS[4], 0, 0)[1]
    if first then
      redis.call('ZREM', KEYS[4], first)
      redis.call('SADD', KEYS[3], first)
      local next = cjson.decode(redis.call('GET', ARGV[3] .. first))
      next.State = 'Confirmed'
      next.UpdateTime = ARGV[2]
      promoted = cjson.encode(next)
      redis.call('SET', ARGV[3] .. first, promoted)
    end
  end
else
  redis.call('ZREM', KEYS[4], enrolment.Id)
end
enrolment.State = 'Cancelled'
enrolment.UpdateTime = ARGV[2]
local json = cjson.encode(enrolment)
redis.call('SET', KEYS[1], json)
redis.call('HDEL', KEYS[5], enrolment.ParticipantKey)
return { 'CANCELLED', json, promoted }
