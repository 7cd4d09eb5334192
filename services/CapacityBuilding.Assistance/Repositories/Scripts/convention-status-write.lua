-- Writes a state's status toward the Convention if it is still the version the change was made from.
-- KEYS[1] the hash of statuses. ARGV[1] country, ARGV[2] etag of the stored status the change was
-- computed from ('' when there was none), ARGV[3] the new status JSON.
-- Returns {'WRITTEN'} or {'STALE'} (changed, created or removed since it was read).
local current = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[2] == '' then
  if current then return {'STALE'} end
elseif not current or cjson.decode(current)['Etag'] ~= ARGV[2] then
  return {'STALE'}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return {'WRITTEN'}
