-- KEYS[1] ledger, KEYS[2] ledger chain, KEYS[3..4] the totals of all and of the donor
-- (totals-functions.lua: the pledge's money moves between pledged and committed, or leaves them,
-- in this step). ARGV[1] COMMIT or CANCEL, ARGV[2] expected etag ('' for any), ARGV[3] new etag,
-- ARGV[4] time, ARGV[5] expected chain head, ARGV[6] chain entry JSON, ARGV[7] its hash
-- (chain-functions.lua), ARGV[8] the totals groups. Returns {'DONE', ledger...} | {'MISSING'} | {'STALE'} |
-- {'STATE', state} | {'ALLOCATED', remaining_units, remaining_nanos} | {'CHAIN_MOVED'}.
local ledger = KEYS[1]
local state = redis.call('HGET', ledger, 'state')
if not state then return {'MISSING'} end
if ARGV[2] ~= '' and ARGV[2] ~= redis.call('HGET', ledger, 'etag') then return {'STALE'} end
local target
if ARGV[1] == 'COMMIT' then
  if state ~= 'PLEDGED' then return {'STATE', state} end
  target = 'COMMITTED'
else
  if state == 'CANCELLED' then return {'STATE', state} end
  local l = redis.call('HMGET', ledger, 'amount_units', 'amount_nanos', 'remaining_units', 'remaining_nanos')
  if l[1] ~= l[3] or l[2] ~= l[4] then return {'ALLOCATED', l[3], l[4]} end
  target = 'CANCELLED'
end
if chain_moved(ledger, ARGV[5]) then return {'CHAIN_MOVED'} end
chain_append(ledger, KEYS[2], ARGV[6], ARGV[7])
redis.call('HSET', ledger, 'state', target, 'etag', ARGV[3], 'update_time', ARGV[4])
if is_totaled(ledger) then
  local totals = {KEYS[3], KEYS[4]}
  local amount = redis.call('HMGET', ledger, 'amount_units', 'amount_nanos')
  totals_add(totals, ARGV[8], string.lower(state), negated(amount[1]), negated(amount[2]))
  if target == 'COMMITTED' then totals_add(totals, ARGV[8], 'committed', amount[1], amount[2]) end
end
local result = redis.call('HGETALL', ledger)
table.insert(result, 1, 'DONE')
return result
