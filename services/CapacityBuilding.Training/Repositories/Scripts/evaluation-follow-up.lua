-- Records the follow-up of an evaluation (levels 3 and 4) and adds it to the summaries in the
-- same step; an evaluation has one follow-up, and none when it rated those levels already.
-- KEYS[1] evaluation document, KEYS[2 ..] the summaries it counts in (session and course, or
-- event; and its request's when it has one).
-- ARGV[1] new JSON (with the follow-up), ARGV[2] group, ARGV[3] behaviour, ARGV[4] results.
-- Returns { 'RECORDED' }, { 'NO_EVALUATION' } or { 'ALREADY_RECORDED' }.
-- Starts with evaluation-summary.lua.
local evaluation = redis.call('GET', KEYS[1])
if not evaluation then return { 'NO_EVALUATION' } end
evaluation = cjson.decode(evaluation)
local follow_up = evaluation.FollowUp
if (follow_up ~= nil and follow_up ~= cjson.null) or evaluation.Behaviour > 0 or evaluation.Results > 0 then
  return { 'ALREADY_RECORDED' }
end
redis.call('SET', KEYS[1], ARGV[1])
local summaries = {}
for i = 2, #KEYS do table.insert(summaries, KEYS[i]) end
add_to_summaries(summaries, ARGV[2], 'follow-ups', { 0, 0, ARGV[3], ARGV[4], 0, 0, 0 })
return { 'RECORDED' }
