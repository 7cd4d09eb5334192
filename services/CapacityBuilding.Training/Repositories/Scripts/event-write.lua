-- Creates or replaces a delivery event together with its expert bookings, so that an expert is
-- never booked on two events whose days overlap, however many writes run at once: the check and
-- the bookings are one atomic step.
-- KEYS[1] event document, KEYS[2] index of all events, KEYS[3] its country's index, KEYS[4] its
-- request's index, KEYS[5] the set of events with unrecorded steps, KEYS[6] the request's
-- country, KEYS[7 .. 6+r] booking hashes to leave, KEYS[7+r .. 6+r+b] booking hashes to join,
-- KEYS[7+r+b] idempotency key (create only, optional).
-- ARGV[1] id, ARGV[2] the etag the stored event must carry, or '' for a create (it must not exist),
-- ARGV[3] new JSON, ARGV[4] booking value '{first day}|{last day}|{country}', ARGV[5] r, ARGV[6] b,
-- ARGV[7] when the worker is to send a new step if its own call did not (ms), or '' when the write
-- adds no step.
-- Returns {'WRITTEN'}, {'EXISTING', id}, {'REQUEST_ID_REUSED'}, {'NOT_FOUND'}, {'STALE'} or
-- {'BOOKED', j, event id}: the j-th expert to join (1-based) is on that overlapping event.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local r = tonumber(ARGV[5])
local b = tonumber(ARGV[6])
local idempotency = KEYS[7 + r + b]
local creating = ARGV[2] == ''
if creating then
  local earlier = earlier_create(idempotency, ARGV[#ARGV])
  if earlier then return earlier end
  if redis.call('EXISTS', KEYS[1]) == 1 then return redis.error_reply('DUPLICATE_ID') end
else
  local current = redis.call('GET', KEYS[1])
  if not current then return { 'NOT_FOUND' } end
  if cjson.decode(current).Etag ~= ARGV[2] then return { 'STALE' } end
end
local first, last = string.match(ARGV[4], '^(%d+)|(%d+)|')
first = tonumber(first)
last = tonumber(last)
for i = 7 + r, 6 + r + b do
  local bookings = redis.call('HGETALL', KEYS[i])
  for j = 1, #bookings, 2 do
    if bookings[j] ~= ARGV[1] then
      local from, to = string.match(bookings[j + 1], '^(%d+)|(%d+)|')
      if tonumber(from) <= last and first <= tonumber(to) then
        return { 'BOOKED', i - 6 - r, bookings[j] }
      end
    end
  end
end
for i = 7, 6 + r do redis.call('HDEL', KEYS[i], ARGV[1]) end
for i = 7 + r, 6 + r + b do redis.call('HSET', KEYS[i], ARGV[1], ARGV[4]) end
redis.call('SET', KEYS[1], ARGV[3])
if creating then
  redis.call('ZADD', KEYS[2], 0, ARGV[1])
  redis.call('ZADD', KEYS[3], 0, ARGV[1])
  redis.call('ZADD', KEYS[4], 0, ARGV[1])
  redis.call('SET', KEYS[6], string.match(ARGV[4], '|([^|]+)$'))
  remember_create(idempotency, ARGV[1], ARGV[#ARGV])
end
if ARGV[7] ~= '' then redis.call('ZADD', KEYS[5], 'NX', ARGV[7], ARGV[1]) end
return { 'WRITTEN' }
