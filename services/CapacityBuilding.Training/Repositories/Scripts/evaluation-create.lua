-- Records an evaluation: the evaluation and both summaries change together or not at all.
-- KEYS[1] session document, KEYS[2] enrolment document, KEYS[3] evaluated hash, KEYS[4]
-- evaluation document, KEYS[5] the session's evaluation index, KEYS[6] session summary,
-- KEYS[7] course summary, KEYS[8] idempotency key (optional).
-- ARGV[1] evaluation id, ARGV[2] JSON, ARGV[3] enrolment id, ARGV[4] session id, ARGV[5]
-- course id, ARGV[6..9] reaction, learning, behaviour, results (0: not assessed).
-- Returns { 'CREATED' }, { 'EXISTING', id }, { 'NO_SESSION' }, { 'SESSION_STATUS', status },
-- { 'NO_ENROLMENT' }, { 'ENROLMENT_STATE', state } or { 'ALREADY_EVALUATED', id }.
-- Starts with idempotency.lua; a create's last argument is its request's fingerprint.
local earlier = earlier_create(KEYS[8], ARGV[#ARGV])
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
local earlier = redis.call('HGET', KEYS[3], ARGV[3])
if earlier then return { 'ALREADY_EVALUATED', earlier } end
redis.call('SET', KEYS[4], ARGV[2])
redis.call('ZADD', KEYS[5], 0, ARGV[1])
redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
local levels = { 'reaction', 'learning', 'behaviour', 'results' }
for _, summary in ipairs({ KEYS[6], KEYS[7] }) do
  redis.call('HINCRBY', summary, 'evaluations', 1)
  for i, level in ipairs(levels) do
    local rating = tonumber(ARGV[5 + i])
    if rating > 0 then
      redis.call('HINCRBY', summary, level .. ':count', 1)
      redis.call('HINCRBY', summary, level .. ':sum', rating)
    end
  end
end
remember_create(KEYS[8], ARGV[1], ARGV[#ARGV])
return { 'CREATED' }
