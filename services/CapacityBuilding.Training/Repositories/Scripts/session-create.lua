-- Creates a session unless its course is missing or retired, or the session has more seats
-- than the course's class size: checked in the same step as the write, so a course retired
-- a moment earlier never gets a new session.
-- KEYS[1] course document, KEYS[2] session document, KEYS[3] the course's session index,
-- KEYS[4] idempotency key (optional). ARGV[1] session id, ARGV[2] session JSON, ARGV[3] seats.
-- Returns { 'CREATED' }, { 'EXISTING', id }, { 'NO_COURSE' }, { 'COURSE_STATUS', status } or
-- { 'TOO_MANY_SEATS', max class size }.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[4], ARGV[#ARGV])
if earlier then return earlier end
local course = redis.call('GET', KEYS[1])
if not course then return { 'NO_COURSE' } end
course = cjson.decode(course)
if course.Status == 'Retired' then return { 'COURSE_STATUS', course.Status } end
if tonumber(ARGV[3]) > course.MaxClassSize then return { 'TOO_MANY_SEATS', tostring(course.MaxClassSize) } end
if redis.call('SET', KEYS[2], ARGV[2], 'NX') == false then
  return redis.error_reply('DUPLICATE_ID')
end
redis.call('ZADD', KEYS[3], 0, ARGV[1])
remember_create(KEYS[4], ARGV[1], ARGV[#ARGV])
return { 'CREATED' }
