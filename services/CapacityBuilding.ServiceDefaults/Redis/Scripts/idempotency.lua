-- Local functions for idempotent creates (AIP-155), put in front of every create script. A
-- create with a request id stores the new resource's id and its request's fingerprint under the
-- request id's key (see IdempotentCreate.cs), in the same step as the resource; a retry finds it
-- there and creates nothing. Without a request id there is no key (nil). Every create script
-- takes the fingerprint as its last argument (ARGV[#ARGV]). The key is a hash (earlier_create,
-- remember_create), or, for a script that claims it before any other write (claim_create), the
-- string '{fingerprint} {id}'.

-- What an earlier create with key answers now: {'EXISTING', id} when the same request made id,
-- {'REQUEST_ID_REUSED'} when a different request used the key; false when there was none.
local function earlier_create(key, fingerprint)
  if not key then return false end
  local earlier = redis.call('HMGET', key, 'id', 'fingerprint')
  if not earlier[1] then return false end
  if earlier[2] ~= fingerprint then return {'REQUEST_ID_REUSED'} end
  return {'EXISTING', earlier[1]}
end

-- Remembers id as what the create of key's request (with that fingerprint) made.
local function remember_create(key, id, fingerprint)
  if key then redis.call('HSET', key, 'id', id, 'fingerprint', fingerprint) end
end

-- Claims key for the create of id in one command (SET ... NX GET): false when this create now
-- holds it, else what an earlier create answers now, as earlier_create answers. A script that
-- claims and then cannot create must delete the key before it answers. A key remembered as a
-- hash (before its collection's creates claimed) is refused by SET (WRONGTYPE) and read as such.
local function claim_create(key, id, fingerprint)
  if not key then return false end
  local earlier = redis.pcall('SET', key, fingerprint .. ' ' .. id, 'NX', 'GET')
  if type(earlier) == 'table' and earlier.err then return earlier_create(key, fingerprint) end
  if not earlier then return false end
  local earlier_fingerprint, earlier_id = string.match(earlier, '^(%S*) (.*)$')
  if earlier_fingerprint ~= fingerprint then return {'REQUEST_ID_REUSED'} end
  return {'EXISTING', earlier_id}
end
