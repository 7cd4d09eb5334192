-- KEYS[1] ledger, KEYS[2] ledger chain. ARGV[1] COMMIT or CANCEL, ARGV[2] expected etag ('' for
-- any), ARGV[3] new etag, ARGV[4] time, ARGV[5] expected chain head, ARGV[6] chain entry JSON,
-- ARGV[7] its hash (chain-functions.lua). Returns {'DONE', ledger...} | {'MISSING'} | {'STALE'} |
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
local result = redis.call('HGETALL', ledger)
table.insert(result, 1, 'DONE')
return result
