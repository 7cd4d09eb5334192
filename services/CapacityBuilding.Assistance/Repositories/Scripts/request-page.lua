-- One page of index members matching every filter. Walks the smallest of the filter indexes
-- (KEYS) from the cursor downwards and keeps the members present in all the others, stopping
-- after page size + 1 matches or after examining the scan budget, so a page never costs more
-- than the budget whatever the number of stored requests.
-- ARGV[1] cursor member ('' for the first page), ARGV[2] upper lex bound, ARGV[3] lower lex
-- bound, ARGV[4] page size, ARGV[5] scan budget, ARGV[6] length of the prefix before the id in
-- a member, ARGV[7] / ARGV[8] lowest / first excluded creation-time prefix of ids ('' for none).
-- Returns {matches, resume} where resume is the last member examined when the budget ran out
-- before the end, else ''.
local driver = 1
local smallest = redis.call('ZCARD', KEYS[1])
for i = 2, #KEYS do
  local size = redis.call('ZCARD', KEYS[i])
  if size < smallest then smallest = size; driver = i end
end
local from = ARGV[2]
if ARGV[1] ~= '' then from = '(' .. ARGV[1] end
local pageSize = tonumber(ARGV[4])
local budget = tonumber(ARGV[5])
local prefix = tonumber(ARGV[6])
local found = {}
local examined = 0
while examined < budget do
  local want = math.min(200, budget - examined)
  local batch = redis.call('ZREVRANGEBYLEX', KEYS[driver], from, ARGV[3], 'LIMIT', 0, want)
  for _, member in ipairs(batch) do
    examined = examined + 1
    local time = string.sub(member, prefix + 1, prefix + 12)
    local match = (ARGV[7] == '' or time >= ARGV[7]) and (ARGV[8] == '' or time < ARGV[8])
    if match then
      for i = 1, #KEYS do
        if i ~= driver and not redis.call('ZSCORE', KEYS[i], member) then match = false; break end
      end
    end
    if match then
      found[#found + 1] = member
      if #found > pageSize then return {found, ''} end
    end
  end
  if #batch < want then return {found, ''} end
  from = '(' .. batch[#batch]
end
return {found, string.sub(from, 2)}
