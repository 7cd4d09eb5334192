-- Records a participant's evaluation of a session: the evaluation and the summaries change
-- together or not at all.
-- KEYS[1] session document, KEYS[2] enrolment document, KEYS[3] evaluated hash, KEYS[4]
-- evaluation document, KEYS[5] the session's evaluation index, KEYS[6] session summary,
-- KEYS[7] course summary, KEYS[8] the summary of the request the enrolment names (when ARGV[13]
-- is '1'), then the idempotency key (optional).
-- ARGV[1] evaluation id, ARGV[2] JSON, ARGV[3] enrolment id, ARGV[4] session id, ARGV[5]
-- course id, ARGV[6..12] the ratings of evaluation-summary.lua's questions (0: not asked),
-- ARGV[13] '1' when the enrolment names a request, else '0'.
-- Returns { 'CREATED' }, { 'EXISTING', id }, { 'NO_SESSION' }, { 'SESSION_STATUS', status },
-- { 'NO_ENROLMENT' }, { 'ENROLMENT_STATE', state } or { 'ALREADY_EVALUATED', id }.
-- Starts with idempotency.lua and evaluation-summary.lua; a create's last argument is its
-- request's fingerprint.
local with_request = ARGV[13] == '1'
local idempotency = KEYS[with_request and 9 or 8]
local earlier = earlier_create(idempotency, ARGV[#ARGV])
if earlier then return earlier end
local session = redis.call('GET', KEYS[1])
if not session then return { 'NO_SESSION' } end
session = cjson.decode(session)
if session.CourseId ~= ARGV[5] then return { 'NO_SESSION' } end
if session.Status ~= 'Completed' then return { 'SESSION_STATUS', session.Status } end
local enrolment = redis.call('GET', KEYS[2])
if not enrolment then return { 'NO_ENROLMENT' } end
enrolment = cjson.decode(enrolment)
if enrolment.SessionId ~= ARGV[4] then return { 'NO_ENROLMENT' } end
if enrolment.State ~= 'Confirmed' then return { 'ENROLMENT_STATE', enrolment.State } end
local evaluated = redis.call('HGET', KEYS[3], ARGV[3])
if evaluated then return { 'ALREADY_EVALUATED', evaluated } end
redis.call('SET', KEYS[4], ARGV[2])
redis.call('ZADD', KEYS[5], 0, ARGV[1])
redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
local summaries = { KEYS[6], KEYS[7] }
if with_request then table.insert(summaries, KEYS[8]) end
add_to_summaries(summaries, 'participant', 'evaluations', { ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11], ARGV[12] })
remember_create(idempotency, ARGV[1], ARGV[#ARGV])
return { 'CREATED' }
