-- Holds seats of a scheduled session for one country, if that many are free (seats.lua), in the
-- same step as every enrolment and every other hold, so seats are never held or enrolled twice.
-- KEYS[1] session document, KEYS[2] confirmed set, KEYS[3] held seats counter, KEYS[4] hold
-- document, KEYS[5] the session's holds, KEYS[6] the session's holds of the country,
-- KEYS[7] idempotency key (optional).
-- ARGV[1] hold id, ARGV[2] hold JSON (HELD, nothing used), ARGV[3] course id.
-- Returns { 'CREATED' }, { 'EXISTING', id }, { 'NO_SESSION' }, { 'SESSION_STATUS', status },
-- { 'UNAVAILABLE', free seats } or { 'ID_TAKEN' } when a hold with that id exists.
-- Starts with idempotency.lua and seats.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[7], ARGV[#ARGV])
if earlier then return earlier end
local session = redis.call('GET', KEYS[1])
if not session then return { 'NO_SESSION' } end
session = cjson.decode(session)
if session.CourseId ~= ARGV[3] then return { 'NO_SESSION' } end
if session.Status ~= 'Scheduled' then return { 'SESSION_STATUS', session.Status } end
if redis.call('EXISTS', KEYS[4]) == 1 then return { 'ID_TAKEN' } end
local hold = cjson.decode(ARGV[2])
local free = free_seats({ capacity = session.SeatCapacity, confirmed = KEYS[2], held = KEYS[3] })
if free < hold.Seats then return { 'UNAVAILABLE', math.max(free, 0) } end
redis.call('INCRBY', KEYS[3], hold.Seats)
redis.call('SET', KEYS[4], ARGV[2])
redis.call('ZADD', KEYS[5], 0, ARGV[1])
redis.call('ZADD', KEYS[6], 0, ARGV[1])
remember_create(KEYS[7], ARGV[1], ARGV[#ARGV])
return { 'CREATED' }
