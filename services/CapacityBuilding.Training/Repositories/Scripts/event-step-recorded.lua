-- Notes that the first n steps of an event are on its request's history; once all are, the event
-- leaves the set of events with unrecorded steps. Steps are recorded in order, so a count says which.
-- KEYS[1] event document, KEYS[2] its recorded-steps counter, KEYS[3] the set of events with unrecorded steps.
-- ARGV[1] id, ARGV[2] n.
-- Returns { recorded count }.
local event = redis.call('GET', KEYS[1])
if not event then return { 'NOT_FOUND' } end
local n = tonumber(ARGV[2])
local recorded = tonumber(redis.call('GET', KEYS[2]) or '0')
if n > recorded then
  recorded = n
  redis.call('SET', KEYS[2], recorded)
end
if recorded >= #cjson.decode(event).Steps then redis.call('ZREM', KEYS[3], ARGV[1]) end
return { 'RECORDED', recorded }
