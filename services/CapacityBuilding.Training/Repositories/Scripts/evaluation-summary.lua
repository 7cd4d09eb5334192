-- Local functions that add ratings to evaluation summaries, put in front of the scripts that
-- record evaluations and follow-ups. A summary hash holds, over every group, 'evaluations' and
-- '{question}:count' / '{question}:sum'; and for each group (participant, expert,
-- host_institution) '{group}:evaluations', '{group}:follow-ups' and '{group}:{question}:count' /
-- '{group}:{question}:sum'. A rating of 0 (not asked, not assessed) counts nowhere.
local questions = { 'reaction', 'learning', 'behaviour', 'results', 'objectives_met', 'knowledge_improved', 'more_help_needed' }

-- Adds one evaluation (counter 'evaluations') or one follow-up (counter 'follow-ups') of group to
-- each summary; ratings lists a rating per question, in the order above.
local function add_to_summaries(summaries, group, counter, ratings)
  for _, summary in ipairs(summaries) do
    if counter == 'evaluations' then redis.call('HINCRBY', summary, 'evaluations', 1) end
    redis.call('HINCRBY', summary, group .. ':' .. counter, 1)
    for i, question in ipairs(questions) do
      local rating = tonumber(ratings[i])
      if rating > 0 then
        redis.call('HINCRBY', summary, question .. ':count', 1)
        redis.call('HINCRBY', summary, question .. ':sum', rating)
        redis.call('HINCRBY', summary, group .. ':' .. question .. ':count', 1)
        redis.call('HINCRBY', summary, group .. ':' .. question .. ':sum', rating)
      end
    end
  end
end
