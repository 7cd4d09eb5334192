-- Local functions for the funding totals (ReportTotals in the service), put in front of every
-- funding script that moves money, so the figures the reports show change in the same step as the
-- money. A record's money is in the totals once its ledger hash has the field 'totaled' (set when
-- it is created, or when FundingTotalsRebuild counts a record stored before the totals existed);
-- a change to a record not yet counted changes no total, since the rebuild will count it as it is.
-- Amounts stay decimal strings and change only through HINCRBY: units and nanos are summed in
-- fields of their own ('...|u', '...|n'), so no carry is needed and the service adds them up exactly.

-- Adds (units, nanos) to figure in every group of groups: space-separated 'offset:group|currency'
-- entries, offset counting from 0 in totals_keys (a Lua list of the totals hashes).
local function totals_add(totals_keys, groups, figure, units, nanos)
  for offset, prefix in string.gmatch(groups, '(%d+):(%S+)') do
    local key = totals_keys[tonumber(offset) + 1]
    redis.call('HINCRBY', key, prefix .. '|' .. figure .. '|u', units)
    redis.call('HINCRBY', key, prefix .. '|' .. figure .. '|n', nanos)
  end
end

-- The negation of a decimal string, for taking an amount read from a hash off a total.
local function negated(value)
  if value == '0' then return '0' end
  if string.sub(value, 1, 1) == '-' then return string.sub(value, 2) end
  return '-' .. value
end

local function is_totaled(ledger)
  return redis.call('HEXISTS', ledger, 'totaled') == 1
end

-- A donor's funded requests: counts holds, per request, the donor's ACTIVE allocations to it;
-- index (a sorted set, score 0) the requests with at least one.
local function funded_add(index, counts, request_id)
  if redis.call('HINCRBY', counts, request_id, 1) == 1 then redis.call('ZADD', index, 0, request_id) end
end

local function funded_remove(index, counts, request_id)
  if redis.call('HINCRBY', counts, request_id, -1) <= 0 then
    redis.call('HDEL', counts, request_id)
    redis.call('ZREM', index, request_id)
  end
end
