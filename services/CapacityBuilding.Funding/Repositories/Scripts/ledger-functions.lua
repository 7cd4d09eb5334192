-- Local functions for exact money arithmetic inside Redis, put in front of the funding scripts
-- that move money. Redis' Lua numbers are doubles, which cannot hold every int64, so amounts
-- never become Lua numbers: they travel as decimal strings (units, nanos), are compared as
-- strings, and change only through HINCRBY, which Redis does in 64-bit integers. Only nanos
-- (below 10^9, exact in a double) and the signs of results are ever looked at as numbers.
-- a >= b, for non-negative amounts as canonical decimal strings (no leading zeros).
local function amount_ge(au, an, bu, bn)
  if #au ~= #bu then return #au > #bu end
  if au ~= bu then return au > bu end
  return tonumber(an) >= tonumber(bn)
end

-- Subtracts (neg_u, neg_n are the negated parts) from the amount in hash fields uf, nf,
-- borrowing a unit when nanos go below zero. The caller has checked the result stays >= 0.
local function amount_sub(key, uf, nf, neg_u, neg_n)
  redis.call('HINCRBY', key, uf, neg_u)
  if redis.call('HINCRBY', key, nf, neg_n) < 0 then
    redis.call('HINCRBY', key, nf, 1000000000)
    redis.call('HINCRBY', key, uf, -1)
  end
end

-- Adds (u, n) to the amount in hash fields uf, nf, carrying a unit when nanos reach 10^9.
local function amount_add(key, uf, nf, u, n)
  redis.call('HINCRBY', key, uf, u)
  if redis.call('HINCRBY', key, nf, n) >= 1000000000 then
    redis.call('HINCRBY', key, nf, -1000000000)
    redis.call('HINCRBY', key, uf, 1)
  end
end
