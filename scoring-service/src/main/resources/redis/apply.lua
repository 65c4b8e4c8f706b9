-- Applies one Kafka record to one customer, atomically. Contract in docs/scoring-service.md.
-- KEYS: 1 state hash, 2 bucket hash, 3 bucket-day zset, 4 contributor zset, 5 outbox hash,
--       6 history list, 7 month hash; all share the customer's hash tag.
-- Money arrives as integer strings and is added with HINCRBY (exact int64); comparisons
-- use Lua numbers, exact while amounts stay below 2^53 / 100 minor units.
local S, B, D, T, O, H, M = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local mode, wmField, offset, requires = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local eventId, day, occurredAt = ARGV[5], tonumber(ARGV[6]), ARGV[7]
local kind, ref = ARGV[8], ARGV[9]
local rev, cogs, cts, orders, tickets, month = ARGV[10], ARGV[11], ARGV[12], ARGV[13], ARGV[14], ARGV[15]
local W = tonumber(ARGV[20])
local aThr, aBand, over, cBand, dExit = tonumber(ARGV[21]), tonumber(ARGV[22]), tonumber(ARGV[23]),
  tonumber(ARGV[24]), tonumber(ARGV[25])
local policyVersion, topN = ARGV[26], tonumber(ARGV[27])
local newDays, loyalDays, activeDays = tonumber(ARGV[28]), tonumber(ARGV[29]), tonumber(ARGV[30])
local bigRevenue, growth, historySize = tonumber(ARGV[31]), tonumber(ARGV[32]), tonumber(ARGV[33])

-- The state hash is read once; plain fields are written once at the end, money with HINCRBY.
local st, dirty = {}, {}
do
  local flat = redis.call('HGETALL', S)
  for i = 1, #flat, 2 do st[flat[i]] = flat[i + 1] end
end

local function n(field) return tonumber(st[field] or '0') end
local function opt(field) return tonumber(st[field] or '') end
local function set(field, value) st[field] = tostring(value); dirty[field] = true end

local function neg(s)
  if s == '0' then return '0' end
  if string.sub(s, 1, 1) == '-' then return string.sub(s, 2) end
  return '-' .. s
end

local function zero(by) return by == '0' or by == '' or by == nil end

local function incr(field, by)
  -- kept as the Lua number HINCRBY returns: tostring would turn 15+ digits into an exponent
  if not zero(by) then st[field] = redis.call('HINCRBY', S, field, by) end
end

local function hincr(key, field, by)
  if not zero(by) then redis.call('HINCRBY', key, field, by) end
end

local function flush()
  local args = {}
  for field in pairs(dirty) do
    args[#args + 1] = field
    args[#args + 1] = st[field]
  end
  if #args > 0 then redis.call('HSET', S, unpack(args)) end
end

-- {1 applied / 0 duplicate / 2 blocked, tier or '', outbox size, window expiry day or -1, owner or '', previous tier
-- if this record changed the tier ('-' for none, '' for a first tier)}
local function result(applied, previous)
  return {applied, st['tier'] or '', redis.call('HLEN', O), opt('exp') or -1, st['owner'] or '', previous}
end

-- The watermark: a customer lives in one partition per topic, so offsets only grow.
-- `requires` is the offset of this customer's previous record in the same pipeline: if that one
-- was not applied (its script failed), this one must wait, or the watermark would skip it for good.
if wmField ~= '' then
  local last = opt(wmField)
  if last and tonumber(offset) <= last then return result(0, '-') end
  if requires ~= '' and (not last or last < tonumber(requires)) then return result(2, '-') end
  set(wmField, offset)
end

-- Moves the window end to newAsOf: buckets leaving the window are subtracted from the running
-- totals and counted in the previous window; buckets older than two windows are deleted.
local function age(newAsOf)
  local asof = opt('asof')
  if asof and newAsOf <= asof then return end
  set('asof', newAsOf)
  if not asof then return end
  for _, d in ipairs(redis.call('ZRANGEBYSCORE', D, asof - W + 1, newAsOf - W)) do
    local r, g, s, o, t = unpack(redis.call('HMGET', B, d .. 'r', d .. 'g', d .. 's', d .. 'o', d .. 't'))
    if r then incr('wr', neg(r)); incr('pr', r) end
    if g then incr('wg', neg(g)) end
    if s then incr('ws', neg(s)) end
    if o then incr('wo', neg(o)) end
    if t then incr('wt', neg(t)) end
  end
  for _, d in ipairs(redis.call('ZRANGEBYSCORE', D, '-inf', newAsOf - 2 * W)) do
    local r = redis.call('HGET', B, d .. 'r')
    if r then incr('pr', neg(r)) end
    redis.call('HDEL', B, d .. 'r', d .. 'g', d .. 's', d .. 'o', d .. 't')
    redis.call('ZREM', D, d)
  end
  for _, member in ipairs(redis.call('ZRANGE', T, 0, -1)) do
    if tonumber(string.match(member, '^(%-?%d+)|')) <= newAsOf - W then redis.call('ZREM', T, member) end
  end
end

local function traits()
  local asof, start, last = opt('asof'), opt('since') or opt('first'), opt('last')
  local list = {}
  if asof and start and asof - start >= loyalDays and last and asof - last <= activeDays then
    table.insert(list, 'LOYAL')
  end
  if n('lr') >= bigRevenue then table.insert(list, 'BIG') end
  local pr = n('pr')
  if pr > 0 and n('wr') * 100 >= pr * (100 + growth) then table.insert(list, 'POTENTIAL') end
  if st['strat'] == '1' then table.insert(list, 'STRATEGIC') end
  if asof and start and asof - start < newDays then table.insert(list, 'NEW') end
  local joined = table.concat(list, ',')
  if st['traits'] ~= joined then set('traits', joined) end
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
  local asof, exp = opt('asof'), -1
  if asof then
    local first = redis.call('ZRANGEBYSCORE', D, asof - W + 1, '+inf', 'LIMIT', 0, 1)
    if first[1] then exp = tonumber(first[1]) + W end
  end
  if opt('exp') ~= exp then set('exp', exp) end
end

-- Re-decides the tier on the window; a change bumps the version and lands in the outbox
-- in this same atomic step, so it is published at least once with a stable id.
local function decide()
  local cur = st['tier']
  local joinedTraits = traits()
  local wr, wg, ws = n('wr'), n('wg'), n('ws')
  local tier = classify(wr - wg - ws, wr - wg, ws, cur)
  if tier == cur then return '-' end
  local version = n('ver') + 1
  set('ver', version); set('tier', tier); set('pol', policyVersion)
  -- money as Redis keeps it: exact integer strings
  local exact = {}
  local stored = redis.call('HMGET', S, 'wr', 'wg', 'ws', 'lr', 'lg', 'ls')
  for i, f in ipairs({'wr', 'wg', 'ws', 'lr', 'lg', 'ls'}) do exact[f] = stored[i] or '0' end
  local entry = cjson.encode({
    v = tostring(version), prev = cur or '', new = tier, pol = policyVersion, wd = tostring(W),
    wr = exact.wr, wg = exact.wg, ws = exact.ws, lr = exact.lr, lg = exact.lg, ls = exact.ls,
    traits = joinedTraits, trig = eventId, occ = occurredAt,
    contrib = table.concat(redis.call('ZREVRANGE', T, 0, 2), '\n')})
  redis.call('HSET', O, version, entry)
  redis.call('LPUSH', H, entry)
  redis.call('LTRIM', H, 0, historySize - 1)
  return cur or ''
end

local changed = '-'
if mode == 'master' then
  set('name', ARGV[16]); set('owner', ARGV[17]); set('strat', ARGV[19])
  if ARGV[18] == '' then
    st['since'] = nil
    redis.call('HDEL', S, 'since')
  else
    set('since', ARGV[18])
  end
  traits()
elseif mode == 'sweep' then
  if opt('asof') then
    age(day)
    changed = decide()
    expiry()
  end
else
  -- refuse before writing anything if a total would leave int64 (HINCRBY would fail half-way)
  for f, by in pairs({lr = rev, lg = cogs, ls = cts, wr = rev, wg = cogs, ws = cts}) do
    if math.abs(n(f)) + math.abs(tonumber(by)) >= 9.2e18 then
      return redis.error_reply('amount overflow: ' .. f .. ' would leave the 64-bit range')
    end
  end
  age(day)
  local asof = opt('asof')
  incr('lr', rev); incr('lg', cogs); incr('ls', cts); incr('lo', orders); incr('lt', tickets)
  hincr(M, month, rev)
  local first, last = opt('first'), opt('last')
  if not first or day < first then set('first', day) end
  if not last or day > last then set('last', day) end
  if day > asof - W then
    incr('wr', rev); incr('wg', cogs); incr('ws', cts); incr('wo', orders); incr('wt', tickets)
    hincr(B, day .. 'r', rev); hincr(B, day .. 'g', cogs); hincr(B, day .. 's', cts)
    hincr(B, day .. 'o', orders); hincr(B, day .. 't', tickets)
    redis.call('ZADD', D, day, day)
    local impact = tonumber(rev) - tonumber(cogs) - tonumber(cts)
    if impact ~= 0 then
      redis.call('ZADD', T, math.abs(impact), table.concat({day, eventId, kind, ref, occurredAt,
        string.format('%d', impact)}, '|'))
      if redis.call('ZCARD', T) > topN then redis.call('ZREMRANGEBYRANK', T, 0, -topN - 1) end
    end
  end
  changed = decide()
  expiry()
end
flush()
return result(1, changed)
