-- Notes that the first n steps of an event are on its request's history; once all are, the event
-- leaves the set of events with unrecorded steps. Steps are recorded in order, so a count says which.
-- A step recorded ends the failure that held it back: its record and any parking go.
-- KEYS[1] event document, KEYS[2] its recorded-steps counter, KEYS[3] the set of events with
-- unrecorded steps, KEYS[4] its history-failure hash, KEYS[5] the set of parked events.
-- ARGV[1] id, ARGV[2] n.
-- Returns { 'RECORDED', recorded count } or { 'NOT_FOUND' }.
local event = redis.call('GET', KEYS[1])
if not event then return { 'NOT_FOUND' } end
local n = tonumber(ARGV[2])
local recorded = tonumber(redis.call('GET', KEYS[2]) or '0')
if n > recorded then
  recorded = n
  redis.call('SET', KEYS[2], recorded)
  redis.call('DEL', KEYS[4])
  redis.call('ZREM', KEYS[5], ARGV[1])
end
if recorded >= #cjson.decode(event).Steps then redis.call('ZREM', KEYS[3], ARGV[1]) end
return { 'RECORDED', recorded }
