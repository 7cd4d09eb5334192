-- Local functions for the pledge ledger chain (LedgerChain in the service), put in front of the
-- funding scripts that change a pledge's money or state. Redis' Lua has SHA-1 only, so the
-- service computes the entry and its SHA-256 from the head it read; the script appends it only
-- if the head is still that one, so two changes can never link to the same entry. A script that
-- finds the head moved answers {'CHAIN_MOVED'} before changing anything, and the service
-- recomputes the entry on the new head. The pledge's ledger hash keeps chain_length and chain_head.
local function chain_moved(ledger, expected_head)
  return (redis.call('HGET', ledger, 'chain_head') or string.rep('0', 64)) ~= expected_head
end

local function chain_append(ledger, chain, entry, hash)
  redis.call('RPUSH', chain, entry)
  redis.call('HINCRBY', ledger, 'chain_length', 1)
  redis.call('HSET', ledger, 'chain_head', hash)
end
