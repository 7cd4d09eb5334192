-- Notes that assistance did not record an event's oldest unrecorded step. A passing refusal puts
-- the event back in the set of events with unrecorded steps, due after a delay that doubles with
-- each failed attempt up to a ceiling; a refusal for good parks it: out of that set, into the set
-- of parked events, until a step of it is recorded (tried again with the event's next step).
-- KEYS[1] event document, KEYS[2] its recorded-steps counter, KEYS[3] its history-failure hash,
-- KEYS[4] the set of events with unrecorded steps (score: when due, ms), KEYS[5] the set of
-- parked events (score: when parked, ms).
-- ARGV[1] id, ARGV[2] the failed step's position (0-based), ARGV[3] the refusal ("CODE: detail"),
-- ARGV[4] now (ms), ARGV[5] '1' when the refusal is for good, ARGV[6] the first delay (ms),
-- ARGV[7] the longest delay (ms).
-- Returns { 'PARKED', attempts }, { 'RETRYING', attempts, due (ms) }, { 'RECORDED' } when the step
-- was recorded meanwhile (by a parallel attempt), or { 'NOT_FOUND' }.
if redis.call('EXISTS', KEYS[1]) == 0 then return { 'NOT_FOUND' } end
if tonumber(redis.call('GET', KEYS[2]) or '0') > tonumber(ARGV[2]) then return { 'RECORDED' } end
local now = tonumber(ARGV[4])
local attempts = redis.call('HINCRBY', KEYS[3], 'attempts', 1)
redis.call('HSET', KEYS[3], 'reason', ARGV[3], 'time', now)
if ARGV[5] == '1' then
  redis.call('HSET', KEYS[3], 'parked', '1')
  redis.call('HDEL', KEYS[3], 'due')
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('ZADD', KEYS[5], now, ARGV[1])
  return { 'PARKED', attempts }
end
local delay = math.min(tonumber(ARGV[6]) * 2 ^ (attempts - 1), tonumber(ARGV[7]))
local due = now + delay
redis.call('HSET', KEYS[3], 'parked', '0', 'due', string.format('%d', due))
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[4], due, ARGV[1])
return { 'RETRYING', attempts, string.format('%d', due) }
