-- Records an evaluation that no enrolment gives, of a completed session or a delivered event: an
-- expert's, the host institution's, or one of an event's counted participants'. The evaluation
-- and the summaries change together or not at all; an expert evaluates a session or event once.
-- KEYS[1] the evaluated session or event, KEYS[2] evaluation document, KEYS[3] its evaluation
-- index, KEYS[4] its hash from expert id to the evaluation they gave, KEYS[5 .. 4+s] the summaries
-- it counts in, KEYS[5+s] idempotency key (optional).
-- ARGV[1] evaluation id, ARGV[2] JSON, ARGV[3] expert id or '', ARGV[4] group,
-- ARGV[5..11] the ratings of evaluation-summary.lua's questions (0: not asked), ARGV[12] the
-- evaluated document's field holding its state ('Status' of a session, 'State' of an event),
-- ARGV[13] the state that opens evaluations, ARGV[14] the course the session must belong to, or ''
-- for an event, ARGV[15] s.
-- Returns { 'CREATED' }, { 'EXISTING', id }, { 'MISSING' }, { 'STATE', state } or
-- { 'ALREADY_EVALUATED', id }.
-- Starts with idempotency.lua and evaluation-summary.lua; a create's last argument is its
-- request's fingerprint.
local s = tonumber(ARGV[15])
local idempotency = KEYS[5 + s]
local earlier = earlier_create(idempotency, ARGV[#ARGV])
if earlier then return earlier end
local evaluated = redis.call('GET', KEYS[1])
if not evaluated then return { 'MISSING' } end
evaluated = cjson.decode(evaluated)
if ARGV[14] ~= '' and evaluated.CourseId ~= ARGV[14] then return { 'MISSING' } end
if evaluated[ARGV[12]] ~= ARGV[13] then return { 'STATE', evaluated[ARGV[12]] } end
if ARGV[3] ~= '' then
  local earlier_evaluation = redis.call('HGET', KEYS[4], ARGV[3])
  if earlier_evaluation then return { 'ALREADY_EVALUATED', earlier_evaluation } end
  redis.call('HSET', KEYS[4], ARGV[3], ARGV[1])
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], 0, ARGV[1])
local summaries = {}
for i = 5, 4 + s do table.insert(summaries, KEYS[i]) end
add_to_summaries(summaries, ARGV[4], 'evaluations', { ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11] })
remember_create(idempotency, ARGV[1], ARGV[#ARGV])
return { 'CREATED' }
