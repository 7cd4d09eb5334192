-- Local functions for idempotent creates (AIP-155), put in front of every create script. A
-- create with a request id stores the new resource's id and its request's fingerprint under the
-- request id's key (a hash, see IdempotentCreate.cs), in the same step as the resource; a retry
-- finds it there and creates nothing. Without a request id there is no key (nil). Every create
-- script takes the fingerprint as its last argument (ARGV[#ARGV]).

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
