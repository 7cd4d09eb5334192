-- Local functions for the funding totals (ReportTotals in the service), put in front of every
-- funding script that moves money, so the figures the reports show change in the same step as the
-- money. A record's money is in the totals once its ledger hash has the field 'totaled' (set when
-- it is created, or when FundingTotalsRebuild counts a record stored before the totals existed);
-- a change to a record not yet counted changes no total, since the rebuild will count it as it is.
-- Amounts stay decimal strings and change only through HINCRBY. Units are split into whole
-- billions ('...|g') and the rest ('...|u'), nanos kept apart ('...|n'): no increment is ever
-- beyond 10^10, so no field can overflow Redis' 64-bit integers (an error there would leave the
-- script's earlier writes in place), and the service adds the three up exactly.

-- A signed decimal string without leading zeros ('0' for zero), as HINCRBY takes it.
local function signed(sign, digits)
  digits = string.gsub(digits, '^0+', '')
  if digits == '' then return '0' end
  return sign .. digits
end

-- Adds (units, nanos) to figure in every group of groups: space-separated 'offset:group|currency'
-- entries, offset counting from 0 in totals_keys (a Lua list of the totals hashes).
local function totals_add(totals_keys, groups, figure, units, nanos)
  local sign, digits = '', units
  if string.sub(units, 1, 1) == '-' then sign, digits = '-', string.sub(units, 2) end
  local billions, rest = '0', signed(sign, digits)
  if #digits > 9 then
    billions = signed(sign, string.sub(digits, 1, #digits - 9))
    rest = signed(sign, string.sub(digits, #digits - 8))
  end
  for offset, prefix in string.gmatch(groups, '(%d+):(%S+)') do
    local key = totals_keys[tonumber(offset) + 1]
    redis.call('HINCRBY', key, prefix .. '|' .. figure .. '|g', billions)
    redis.call('HINCRBY', key, prefix .. '|' .. figure .. '|u', rest)
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
