-- Index members matching every filter, one stretch of a page. KEYS[1 .. ARGV[9]] are the filters'
-- indexes (or the whole collection's), then the indexes of pairs of filters, then the marker that
-- pair indexes are complete. Walks the index with the fewest members left between the cursor and
-- the lower bound (a pair's when the marker exists), downwards, and keeps the members present in
-- every filter's index, stopping after the wanted number of matches or after examining the scan
-- budget: one call never blocks Redis longer than the budget, whatever the number of stored
-- requests. The caller calls again from the resume member until its page is full, so a client
-- never sees a short page with a next-page token.
-- ARGV[1] cursor member ('' for the first page), ARGV[2] upper lex bound, ARGV[3] lower lex
-- bound, ARGV[4] matches wanted, ARGV[5] scan budget, ARGV[6] length of the prefix before the id
-- in a member, ARGV[7] / ARGV[8] lowest / first excluded creation-time prefix of ids ('' for none),
-- ARGV[9] the number of filter indexes.
-- Returns {matches, resume} where resume is the last member examined when the budget ran out
-- before the end, else ''.
local from = ARGV[2]
if ARGV[1] ~= '' then from = '(' .. ARGV[1] end
local filters = tonumber(ARGV[9])
local candidates = filters
if #KEYS > filters + 1 and redis.call('EXISTS', KEYS[#KEYS]) == 1 then candidates = #KEYS - 1 end
-- ZLEXCOUNT is O(log n): what is left to walk below the cursor, not the index's whole size,
-- picks the driver (a deep page of a large index may have fewer members left than a small one).
local driver = 1
local smallest = redis.call('ZLEXCOUNT', KEYS[1], ARGV[3], from)
for i = 2, candidates do
  local size = redis.call('ZLEXCOUNT', KEYS[i], ARGV[3], from)
  if size < smallest then smallest = size; driver = i end
end
local wanted = tonumber(ARGV[4])
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
      for i = 1, filters do
        if i ~= driver and not redis.call('ZSCORE', KEYS[i], member) then match = false; break end
      end
    end
    if match then
      found[#found + 1] = member
      if #found >= wanted then return {found, ''} end
    end
  end
  if #batch < want then return {found, ''} end
  from = '(' .. batch[#batch]
end
return {found, string.sub(from, 2)}
