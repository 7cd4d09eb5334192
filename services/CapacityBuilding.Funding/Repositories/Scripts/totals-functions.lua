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

-- A donor's budget sums (DonorBudgets in the service): the budget entries of every request the
-- donor funds, summed with totals_add as the money is. entries are lines 'figure units nanos
-- groups' ('groups' as totals_add takes them, offset 0), stored once per request when money first
-- reaches it and never changed (a request's budget and groups are fixed from its approval on),
-- so taking a request off subtracts exactly what adding it added.
local function budget_apply(sums, entries, take_off)
  for figure, units, nanos, groups in string.gmatch(entries, '(%S+) (%S+) (%S+) ([^\n]+)') do
    if take_off then units, nanos = negated(units), negated(nanos) end
    totals_add({sums}, groups, figure, units, nanos)
  end
end

-- keys: a Lua list of the donor's funded requests (a sorted set, score 0: the requests with at
-- least one ACTIVE allocation from it), their counts (a hash: per request, how many), the
-- request's funding donors (a set), the donor's budgeted requests (a set: those whose entries are
-- in its sums), its budget sums, the request's budget entries and its funding closures.
-- A request is in the donor's budget sums exactly while the donor funds it, its entries are
-- stored and no withdrawal has closed it to funding (the summary counts approved, in delivery,
-- completed and suspended requests: a withdrawn one is closed first). budget_sync makes the sums
-- so from whatever they are, so any step that changes one of the three calls it, any number of times.
local function budget_sync(keys, request_id)
  local entries = false
  if redis.call('HEXISTS', keys[2], request_id) == 1 and redis.call('SCARD', keys[7]) == 0 then
    entries = redis.call('GET', keys[6])
  end
  local counted = redis.call('SISMEMBER', keys[4], request_id) == 1
  if entries and not counted then
    budget_apply(keys[5], entries, false)
    redis.call('SADD', keys[4], request_id)
  elseif counted and not entries then
    budget_apply(keys[5], redis.call('GET', keys[6]), true)
    redis.call('SREM', keys[4], request_id)
  end
end

-- The keys of budget_sync for one donor of a request, named under prefix (the service's), for the
-- scripts that find the donors in Redis: request_keys holds the request's funding donors, budget
-- entries and closures.
local function donor_keys(prefix, donor_id, request_keys)
  local donor = prefix .. 'donors:' .. donor_id
  return {donor .. ':funded-requests', donor .. ':funded-counts', request_keys[1], donor .. ':budgeted-requests',
    prefix .. 'totals:donors:' .. donor_id .. ':budgets', request_keys[2], request_keys[3]}
end

-- Every donor of the request brought to budget_sync (after a closure is added or taken back).
local function budget_sync_donors(prefix, request_keys, request_id)
  for _, donor_id in ipairs(redis.call('SMEMBERS', request_keys[1])) do
    budget_sync(donor_keys(prefix, donor_id, request_keys), request_id)
  end
end

-- One more ACTIVE allocation of the donor to the request (keys as budget_sync takes them).
local function funded_add(keys, donor_id, request_id)
  if redis.call('HINCRBY', keys[2], request_id, 1) == 1 then
    redis.call('ZADD', keys[1], 0, request_id)
    redis.call('SADD', keys[3], donor_id)
    budget_sync(keys, request_id)
  end
end

local function funded_remove(keys, donor_id, request_id)
  if redis.call('HINCRBY', keys[2], request_id, -1) <= 0 then
    redis.call('HDEL', keys[2], request_id)
    redis.call('ZREM', keys[1], request_id)
    redis.call('SREM', keys[3], donor_id)
    budget_sync(keys, request_id)
  end
end
