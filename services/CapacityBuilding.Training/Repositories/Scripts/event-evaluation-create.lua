-- Records an evaluation of a delivered event: the evaluation and the event's and request's
-- summaries change together or not at all; an expert evaluates an event once.
-- KEYS[1] event document, KEYS[2] evaluation document, KEYS[3] the event's evaluation index,
-- KEYS[4] the event's hash from expert id to the evaluation they gave, KEYS[5] event summary,
-- KEYS[6] request summary, KEYS[7] idempotency key (optional).
-- ARGV[1] evaluation id, ARGV[2] JSON, ARGV[3] expert id or '', ARGV[4] group,
-- ARGV[5..11] the ratings of evaluation-summary.lua's questions (0: not asked).
-- Returns { 'CREATED' }, { 'EXISTING', id }, { 'NO_EVENT' }, { 'EVENT_STATE', state } or
-- { 'ALREADY_EVALUATED', id }.
-- Starts with idempotency.lua and evaluation-summary.lua; a create's last argument is its
-- request's fingerprint.
local earlier = earlier_create(KEYS[7], ARGV[#ARGV])
if earlier then return earlier end
local event = redis.call('GET', KEYS[1])
if not event then return { 'NO_EVENT' } end
event = cjson.decode(event)
if event.State ~= 'Delivered' then return { 'EVENT_STATE', event.State } end
if ARGV[3] ~= '' then
  local evaluated = redis.call('HGET', KEYS[4], ARGV[3])
  if evaluated then return { 'ALREADY_EVALUATED', evaluated } end
  redis.call('HSET', KEYS[4], ARGV[3], ARGV[1])
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], 0, ARGV[1])
add_to_summaries({ KEYS[5], KEYS[6] }, ARGV[4], 'evaluations', { ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11] })
remember_create(KEYS[7], ARGV[1], ARGV[#ARGV])
return { 'CREATED' }
