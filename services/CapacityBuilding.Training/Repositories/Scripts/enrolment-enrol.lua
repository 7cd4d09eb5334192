-- Seat keeping. Redis runs one script at a time, so the order in which it executes enrol
-- scripts is the arrival order: the first SeatCapacity arrivals get seats, the rest queue in
-- that order, and no interleaving can overbook.
-- KEYS[1] session document, KEYS[2] confirmed set, KEYS[3] waitlist, KEYS[4] participants
-- hash, KEYS[5] arrivals counter, KEYS[6] enrolments by arrival, KEYS[7] enrolment document,
-- KEYS[8] idempotency key (optional).
-- ARGV[1] enrolment id, ARGV[2] enrolment JSON (State and Arrival are set here),
-- ARGV[3] participant key, ARGV[4] course id.
-- Returns { 'CREATED', json, waitlist position or 0 }, { 'EXISTING', id }, { 'NO_SESSION' },
-- { 'SESSION_STATUS', status } or { 'DUPLICATE', id of the participant's enrolment }.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[8], ARGV[#ARGV])
if earlier then return earlier end
local session = redis.call('GET', KEYS[1])
if not session then return { 'NO_SESSION' } end
session = cjson.decode(session)
if session.CourseId ~= ARGV[4] then return { 'NO_SESSION' } end
if session.Status ~= 'Scheduled' then return { 'SESSION_STATUS', session.Status } end
local holder = redis.call('HGET', KEYS[4], ARGV[3])
if holder then return { 'DUPLICATE', holder } end
local enrolment = cjson.decode(ARGV[2])
enrolment.Arrival = redis.call('INCR', KEYS[5])
local position = 0
if redis.call('SCARD', KEYS[2]) < session.SeatCapacity then
  enrolment.State = 'Confirmed'
  redis.call('SADD', KEYS[2], ARGV[1])
else
  enrolment.State = 'Waitlisted'
  redis.call('ZADD', KEYS[3], enrolment.Arrival, ARGV[1])
  position = redis.call('ZCARD', KEYS[3])
end
local json = cjson.encode(enrolment)
redis.call('SET', KEYS[7], json)
redis.call('ZADD', KEYS[6], enrolment.Arrival, ARGV[1])
redis.call('HSET', KEYS[4], ARGV[3], ARGV[1])
remember_create(KEYS[8], ARGV[1], ARGV[#ARGV])
return { 'CREATED', json, position }
