-- Applies one Kafka record to one customer, atomically. Contract in docs/scoring-service.md.
-- KEYS: 1 state hash, 2 bucket hash, 3 bucket-day zset, 4 contributor zset, 5 outbox hash,
--       6 history list, 7 month hash; all share the customer's hash tag.
-- Money arrives as integer strings and is added with HINCRBY (exact int64); comparisons
-- use Lua numbers, exact while amounts stay below 2^53 / 100 minor units.
local S, B, D, T, O, H, M = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local mode, wmField, offset = ARGV[1], ARGV[2], ARGV[3]
local eventId, day, occurredAt = ARGV[5], tonumber(ARGV[6]), ARGV[7]
local kind, ref = ARGV[8], ARGV[9]
local rev, cogs, cts, orders, tickets, month = ARGV[10], ARGV[11], ARGV[12], ARGV[13], ARGV[14], ARGV[15]
local W = tonumber(ARGV[20])
local aThr, aBand, over, cBand, dExit = tonumber(ARGV[21]), tonumber(ARGV[22]), tonumber(ARGV[23]),
  tonumber(ARGV[24]), tonumber(ARGV[25])
local policyVersion, topN = ARGV[26], tonumber(ARGV[27])
local newDays, loyalDays, activeDays = tonumber(ARGV[28]), tonumber(ARGV[29]), tonumber(ARGV[30])
local bigRevenue, growth, historySize = tonumber(ARGV[31]), tonumber(ARGV[32]), tonumber(ARGV[33])

local function num(field)
  local v = redis.call('HGET', S, field)
  if v then return tonumber(v) end
  return 0
end

local function neg(s)
  if s == '0' then return '0' end
  if string.sub(s, 1, 1) == '-' then return string.sub(s, 2) end
  return '-' .. s
end

local function incr(key, field, by)
  if by ~= '0' and by ~= '' and by ~= nil then redis.call('HINCRBY', key, field, by) end
end

-- {applied 1/0, tier or '', outbox size, window expiry day or -1, owner or '', previous tier
-- if this record changed the tier ('-' for none, '' for a first tier)}
local function result(applied, previous)
  return {applied, redis.call('HGET', S, 'tier') or '', redis.call('HLEN', O),
    tonumber(redis.call('HGET', S, 'exp') or '-1'), redis.call('HGET', S, 'owner') or '', previous}
end

-- The watermark: a customer lives in one partition per topic, so offsets only grow.
if wmField ~= '' then
  local last = redis.call('HGET', S, wmField)
  if last and tonumber(offset) <= tonumber(last) then return result(0, '-') end
  redis.call('HSET', S, wmField, offset)
end

-- Moves the window end to newAsOf: buckets leaving the window are subtracted from the running
-- totals and counted in the previous window; buckets older than two windows are deleted.
local function age(newAsOf)
  local raw = redis.call('HGET', S, 'asof')
  if raw and newAsOf <= tonumber(raw) then return end
  redis.call('HSET', S, 'asof', newAsOf)
  if not raw then return end
  local asof = tonumber(raw)
  for _, d in ipairs(redis.call('ZRANGEBYSCORE', D, asof - W + 1, newAsOf - W)) do
    local r, g, s, o, t = unpack(redis.call('HMGET', B, d .. 'r', d .. 'g', d .. 's', d .. 'o', d .. 't'))
    if r then incr(S, 'wr', neg(r)); incr(S, 'pr', r) end
    if g then incr(S, 'wg', neg(g)) end
    if s then incr(S, 'ws', neg(s)) end
    if o then incr(S, 'wo', neg(o)) end
    if t then incr(S, 'wt', neg(t)) end
  end
  for _, d in ipairs(redis.call('ZRANGEBYSCORE', D, '-inf', newAsOf - 2 * W)) do
    local r = redis.call('HGET', B, d .. 'r')
    if r then incr(S, 'pr', neg(r)) end
    redis.call('HDEL', B, d .. 'r', d .. 'g', d .. 's', d .. 'o', d .. 't')
    redis.call('ZREM', D, d)
  end
  for _, member in ipairs(redis.call('ZRANGE', T, 0, -1)) do
    if tonumber(string.match(member, '^(%-?%d+)|')) <= newAsOf - W then redis.call('ZREM', T, member) end
  end
end

local function traits()
  local asof = tonumber(redis.call('HGET', S, 'asof') or '')
  local list = {}
  local start = tonumber(redis.call('HGET', S, 'since') or '') or tonumber(redis.call('HGET', S, 'first') or '')
  if asof and start then
    local last = tonumber(redis.call('HGET', S, 'last') or '')
    if asof - start >= loyalDays and last and asof - last <= activeDays then table.insert(list, 'LOYAL') end
  end
  if num('lr') >= bigRevenue then table.insert(list, 'BIG') end
  local pr = num('pr')
  if pr > 0 and num('wr') * 100 >= pr * (100 + growth) then table.insert(list, 'POTENTIAL') end
  if redis.call('HGET', S, 'strat') == '1' then table.insert(list, 'STRATEGIC') end
  if asof and start and asof - start < newDays then table.insert(list, 'NEW') end
  local joined = table.concat(list, ',')
  redis.call('HSET', S, 'traits', joined)
  return joined
end

local function classify(p, gm, s, cur)
  if p < 0 then return 'D' end
  if cur == 'D' and p < dExit then return 'D' end
  local aLow = aThr
  if cur == 'A' then aLow = aThr - aBand end
  if p >= aLow then return 'A' end
  local pct = over
  if cur == 'C' then pct = over - cBand end
  if s > 0 and s * 100 >= pct * gm then return 'C' end
  return 'B'
end

local function expiry()
  local asof = tonumber(redis.call('HGET', S, 'asof') or '')
  local exp = -1
  if asof then
    local first = redis.call('ZRANGEBYSCORE', D, asof - W + 1, '+inf', 'LIMIT', 0, 1)
    if first[1] then exp = tonumber(first[1]) + W end
  end
  redis.call('HSET', S, 'exp', exp)
end

-- Re-decides the tier on the window; a change bumps the version and lands in the outbox
-- in this same atomic step, so it is published at least once with a stable id.
local function decide()
  local cur = redis.call('HGET', S, 'tier')
  local joinedTraits = traits()
  local wr, wg, ws = num('wr'), num('wg'), num('ws')
  local tier = classify(wr - wg - ws, wr - wg, ws, cur)
  if tier == cur then return '-' end
  local version = redis.call('HINCRBY', S, 'ver', 1)
  redis.call('HSET', S, 'tier', tier, 'pol', policyVersion)
  local g = function(f) return redis.call('HGET', S, f) or '0' end
  local entry = cjson.encode({
    v = tostring(version), prev = cur or '', new = tier, pol = policyVersion, wd = tostring(W),
    wr = g('wr'), wg = g('wg'), ws = g('ws'), lr = g('lr'), lg = g('lg'), ls = g('ls'),
    traits = joinedTraits, trig = eventId, occ = occurredAt,
    contrib = table.concat(redis.call('ZREVRANGE', T, 0, 2), '\n')})
  redis.call('HSET', O, version, entry)
  redis.call('LPUSH', H, entry)
  redis.call('LTRIM', H, 0, historySize - 1)
  return cur or ''
end

local changed = '-'
if mode == 'master' then
  redis.call('HSET', S, 'name', ARGV[16], 'owner', ARGV[17], 'since', ARGV[18], 'strat', ARGV[19])
  if ARGV[18] == '' then redis.call('HDEL', S, 'since') end
  traits()
elseif mode == 'sweep' then
  if redis.call('HEXISTS', S, 'asof') == 1 then
    age(day)
    changed = decide()
    expiry()
  end
else
  age(day)
  local asof = tonumber(redis.call('HGET', S, 'asof'))
  incr(S, 'lr', rev); incr(S, 'lg', cogs); incr(S, 'ls', cts); incr(S, 'lo', orders); incr(S, 'lt', tickets)
  incr(M, month, rev)
  local first, last = tonumber(redis.call('HGET', S, 'first') or ''), tonumber(redis.call('HGET', S, 'last') or '')
  if not first or day < first then redis.call('HSET', S, 'first', day) end
  if not last or day > last then redis.call('HSET', S, 'last', day) end
  if day > asof - W then
    incr(S, 'wr', rev); incr(S, 'wg', cogs); incr(S, 'ws', cts); incr(S, 'wo', orders); incr(S, 'wt', tickets)
    incr(B, day .. 'r', rev); incr(B, day .. 'g', cogs); incr(B, day .. 's', cts)
    incr(B, day .. 'o', orders); incr(B, day .. 't', tickets)
    redis.call('ZADD', D, day, day)
    local impact = tonumber(rev) - tonumber(cogs) - tonumber(cts)
    if impact ~= 0 then
      redis.call('ZADD', T, math.abs(impact), table.concat({day, eventId, kind, ref, occurredAt,
        string.format('%d', impact)}, '|'))
      local size = redis.call('ZCARD', T)
      if size > topN then redis.call('ZREMRANGEBYRANK', T, 0, size - topN - 1) end
    end
  end
  changed = decide()
  expiry()
end
return result(1, changed)
