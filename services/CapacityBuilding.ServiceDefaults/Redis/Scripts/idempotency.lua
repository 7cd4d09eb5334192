-- Local functions for idempotent creates (AIP-155), put in front of every create script. A
-- create with a request id stores the new resource's id under the request id's key, in the same
-- step as the resource; a retry finds it there and creates nothing. Without a request id there
-- is no key (nil).

-- The id an earlier create with the same request id made, or false.
local function earlier_create(key)
  return key ~= nil and redis.call('GET', key)
end

-- Remembers id as what the create of key's request id made.
local function remember_create(key, id)
  if key then redis.call('SET', key, id) end
end

