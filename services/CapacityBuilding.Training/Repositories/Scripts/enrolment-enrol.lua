-- Seat keeping. Redis runs one script at a time, so the order in which it executes enrol
-- scripts is the arrival order: arrivals take the seats there are for them (seats.lua: a held
-- seat of their country's CONFIRMED hold, else a free seat), the rest queue in that order, and
-- no interleaving can overbook.
-- KEYS[1] session document, KEYS[2] confirmed set, KEYS[3] waitlist, KEYS[4] participants
-- hash, KEYS[5] arrivals counter, KEYS[6] enrolments by arrival, KEYS[7] enrolment document,
-- KEYS[8] held seats counter, KEYS[9] open holds, KEYS[10] the session's enrolments of the
-- participant's nationality by arrival, KEYS[11] all enrolments and KEYS[12] all of the
-- nationality's (by id), KEYS[13] idempotency key (optional).
-- ARGV[1] enrolment id, ARGV[2] enrolment JSON (State, Arrival and SeatHoldId are set here),
-- ARGV[3] participant key, ARGV[4] course id, ARGV[5] prefixed key of a hold without its id,
-- ARGV[6] now (the JSON form of UpdateTime), ARGV[7] a new etag for a hold whose seat is taken.
-- Returns { 'CREATED', json, waitlist position or 0 }, { 'EXISTING', id }, { 'NO_SESSION' },
-- { 'SESSION_STATUS', status } or { 'DUPLICATE', id of the participant's enrolment }.
-- Starts with idempotency.lua and seats.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[13], ARGV[#ARGV])
if earlier then return earlier end
local session = redis.call('GET', KEYS[1])
if not session then return { 'NO_SESSION' } end
session = cjson.decode(session)
if session.CourseId ~= ARGV[4] then return { 'NO_SESSION' } end
if session.Status ~= 'Scheduled' then return { 'SESSION_STATUS', session.Status } end
local holder = redis.call('HGET', KEYS[4], ARGV[3])
if holder then return { 'DUPLICATE', holder } end
local s = {
  capacity = session.SeatCapacity, confirmed = KEYS[2], waitlist = KEYS[3], held = KEYS[8], open = KEYS[9],
  hold_prefix = ARGV[5], now = ARGV[6], etag = ARGV[7],
}
local enrolment = cjson.decode(ARGV[2])
enrolment.Arrival = redis.call('INCR', KEYS[5])
local position = 0
if not seat(s, enrolment) then
  enrolment.State = 'Waitlisted'
  redis.call('ZADD', KEYS[3], enrolment.Arrival, ARGV[1])
  position = redis.call('ZCARD', KEYS[3])
end
local json = cjson.encode(enrolment)
redis.call('SET', KEYS[7], json)
redis.call('ZADD', KEYS[6], enrolment.Arrival, ARGV[1])
redis.call('ZADD', KEYS[10], enrolment.Arrival, ARGV[1])
redis.call('ZADD', KEYS[11], 0, ARGV[1])
redis.call('ZADD', KEYS[12], 0, ARGV[1])
redis.call('HSET', KEYS[4], ARGV[3], ARGV[1])
remember_create(KEYS[13], ARGV[1], ARGV[#ARGV])
return { 'CREATED', json, position }
