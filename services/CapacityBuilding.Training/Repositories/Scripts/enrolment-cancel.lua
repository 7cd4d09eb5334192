-- Cancels an enrolment. A confirmed seat goes back where it came from (seats.lua: to its
-- CONFIRMED hold, else to the session) and, while the session is scheduled, to the first on the
-- waitlist there is a seat for, in the same step, so a seat is never lost or given twice.
-- KEYS[1] enrolment document, KEYS[2] session document, KEYS[3] confirmed set, KEYS[4]
-- waitlist, KEYS[5] participants hash, KEYS[6] held seats counter, KEYS[7] open holds.
-- ARGV[1] session id, ARGV[2] now (the JSON form of UpdateTime), ARGV[3] the prefixed key of
-- an enrolment document without its id (the promoted enrolment is only known here), ARGV[4]
-- the prefixed key of a hold without its id, ARGV[5] a new etag for a hold that changes.
-- Returns { 'CANCELLED', json, promoted json or '' }, { 'NOT_FOUND' } or { 'ALREADY_CANCELLED' }.
-- Starts with seats.lua.
local enrolment = redis.call('GET', KEYS[1])
if not enrolment then return { 'NOT_FOUND' } end
enrolment = cjson.decode(enrolment)
if enrolment.SessionId ~= ARGV[1] then return { 'NOT_FOUND' } end
if enrolment.State == 'Cancelled' then return { 'ALREADY_CANCELLED' } end
local promoted = ''
if enrolment.State == 'Confirmed' then
  local session = cjson.decode(redis.call('GET', KEYS[2]))
  local s = {
    capacity = session.SeatCapacity, confirmed = KEYS[3], waitlist = KEYS[4], held = KEYS[6], open = KEYS[7],
    hold_prefix = ARGV[4], enrolment_prefix = ARGV[3], now = ARGV[2], etag = ARGV[5],
  }
  give_back_seat(s, enrolment)
  if session.Status == 'Scheduled' then
    promoted = seat_waitlisted(s)[1] or ''
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
