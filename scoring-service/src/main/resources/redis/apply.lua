-- Applies one Kafka record to one customer, atomically. Contract in docs/scoring-service.md.
-- KEYS: 1 state hash (also months `m:<yyyy-MM>`), 2 bucket hash (`<day>` -> "r g s o t"),
--       3 contributor list, 4 outbox hash, 5 history list; all share the customer's hash tag.
-- The state is read with one HGETALL and written with one HSET at the end. Money stays exact:
-- amounts are integer strings, added in Lua below 10^15 and digit by digit above (int64 range).
local S, B, T, O, H = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local mode, wmField, offset, requires = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local eventId, day, occurredAt = ARGV[5], tonumber(ARGV[6]), ARGV[7]
local kind, ref = ARGV[8], ARGV[9]
local delta, month = {ARGV[10], ARGV[11], ARGV[12], ARGV[13], ARGV[14]}, ARGV[15]
local W = tonumber(ARGV[20])
local aThr, aBand, over, cBand, dExit = tonumber(ARGV[21]), tonumber(ARGV[22]), tonumber(ARGV[23]),
  tonumber(ARGV[24]), tonumber(ARGV[25])
local policyVersion, topN = ARGV[26], tonumber(ARGV[27])
local newDays, loyalDays, activeDays = tonumber(ARGV[28]), tonumber(ARGV[29]), tonumber(ARGV[30])
local bigRevenue, growth, historySize = tonumber(ARGV[31]), tonumber(ARGV[32]), tonumber(ARGV[33])
local WIN, LIFE = {'wr', 'wg', 'ws', 'wo', 'wt'}, {'lr', 'lg', 'ls', 'lo', 'lt'}

local st, dirty = {}, {}
do
  local flat = redis.call('HGETALL', S)
  for i = 1, #flat, 2 do st[flat[i]] = flat[i + 1] end
end
local exp0, owner0 = tonumber(st['exp'] or '') or -1, st['owner'] or ''

local function n(field) return tonumber(st[field] or '0') end
local function opt(field) return tonumber(st[field] or '') end
local function set(field, value) st[field] = tostring(value); dirty[field] = true end

local INT64 = '9223372036854775807'
local function mag(s) -- sign, digits without leading zeros
  local sign, digits = 1, s
  if string.sub(s, 1, 1) == '-' then sign, digits = -1, string.sub(s, 2) end
  digits = string.gsub(digits, '^0+', '')
  return sign, digits
end
local function cmpMag(a, b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  if a == b then return 0 end
  return a < b and -1 or 1
end
local function digitOp(a, b, sub) -- |a| + |b| or |a| - |b| (|a| >= |b|), as digit strings
  local out, carry, i, j = {}, 0, #a, #b
  while i > 0 or j > 0 or carry ~= 0 do
    local x = i > 0 and tonumber(string.sub(a, i, i)) or 0
    local y = j > 0 and tonumber(string.sub(b, j, j)) or 0
    local v = sub and (x - y - carry) or (x + y + carry)
    if sub then carry = v < 0 and 1 or 0; v = v % 10 else carry = v >= 10 and 1 or 0; v = v % 10 end
    out[#out + 1] = v; i = i - 1; j = j - 1
  end
  local s = string.gsub(string.reverse(table.concat(out)), '^0+', '')
  return s
end
-- Exact sum of two integer strings; nil when it would leave the int64 range.
local function plus(a, b)
  local x, y = tonumber(a), tonumber(b)
  if math.abs(x) < 1e15 and math.abs(y) < 1e15 then return string.format('%d', x + y) end
  local sa, da = mag(a)
  local sb, db = mag(b)
  local sign, digits
  if sa == sb then sign, digits = sa, digitOp(da, db, false)
  elseif cmpMag(da, db) >= 0 then sign, digits = sa, digitOp(da, db, true)
  else sign, digits = sb, digitOp(db, da, true) end
  if digits == '' then return '0' end
  if cmpMag(digits, INT64) > 0 then return nil end
  return (sign < 0 and '-' or '') .. digits
end
local function neg(s)
  if s == '0' then return '0' end
  if string.sub(s, 1, 1) == '-' then return string.sub(s, 2) end
  return '-' .. s
end
local function add(field, by)
  if by == '0' or by == '' or by == nil then return end
  local v = plus(st[field] or '0', by)
  if not v then error({err = 'amount overflow: ' .. field .. ' would leave the 64-bit range'}) end
  set(field, v)
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
-- if this record changed the tier ('-' for none, '' for a first tier), 'e' if it changed the expiry .. 'o' if the owner}
local function result(applied, previous)
  local exp, owner, changes = opt('exp') or -1, st['owner'] or '', ''
  if exp ~= exp0 then changes = 'e' end
  if owner ~= owner0 then changes = changes .. 'o' end
  return {applied, st['tier'] or '', redis.call('HLEN', O), exp, owner, previous, changes}
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

local function split(packed)
  local v = {}
  for x in string.gmatch(packed, '%S+') do v[#v + 1] = x end
  return v
end

local contributors -- the list, read at most once
local function readContributors()
  if not contributors then contributors = redis.call('LRANGE', T, 0, -1) end
  return contributors
end
-- the impact is the member's last field; scanning back to its '|' is much cheaper than an end-anchored match
local function impactOf(member)
  local i = #member
  while string.byte(member, i) ~= 124 do i = i - 1 end
  return math.abs(tonumber(string.sub(member, i + 1)))
end
-- `tmin`: the smallest |impact| in a full list, so a smaller event skips reading the list at all
local function writeContributors(list)
  if #contributors > 0 then redis.call('DEL', T) end
  contributors = list
  if #list > 0 then redis.call('RPUSH', T, unpack(list)) end
  local tmin = ''
  if #list >= topN then tmin = impactOf(list[#list]) end
  if (st['tmin'] or '') ~= tostring(tmin) then set('tmin', tmin) end
end

-- Moves the window end to newAsOf. Buckets leave the window or the previous window only when the
-- window's earliest bucket (exp) or the earliest stored bucket (b0) crosses a boundary, so the
-- bucket hash is read only then: never a re-sum per event, and no day index to keep.
local function age(newAsOf)
  local asof = opt('asof')
  if asof and newAsOf <= asof then return end
  set('asof', newAsOf)
  if not asof then return end
  local exp, b0 = opt('exp') or -1, opt('b0')
  if not ((exp >= 0 and exp <= newAsOf) or (b0 and b0 <= newAsOf - 2 * W)) then return end
  local out, pr, gone, first, firstIn = {'0', '0', '0', '0', '0'}, '0', {}, nil, nil
  local flat = redis.call('HGETALL', B)
  for i = 1, #flat, 2 do
    local d, v = tonumber(flat[i]), split(flat[i + 1])
    local wasIn = d > asof - W
    if wasIn and d <= newAsOf - W then
      for k = 1, 5 do out[k] = plus(out[k], v[k]) end
      pr = plus(pr, v[1])
    end
    if d <= newAsOf - 2 * W then
      pr = plus(pr, neg(v[1])); gone[#gone + 1] = flat[i]
    else
      if not first or d < first then first = d end
      if d > newAsOf - W and (not firstIn or d < firstIn) then firstIn = d end
    end
  end
  for k = 1, 5 do add(WIN[k], neg(out[k])) end
  add('pr', pr)
  if #gone > 0 then redis.call('HDEL', B, unpack(gone)) end
  set('b0', first or ''); set('exp', firstIn and firstIn + W or -1)
  local kept, list = {}, readContributors()
  for _, m in ipairs(list) do
    if tonumber(string.match(m, '^(%-?%d+)|')) > newAsOf - W then kept[#kept + 1] = m end
  end
  if #kept ~= #list then writeContributors(kept) end
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
  local top = {}
  for i, m in ipairs(readContributors()) do if i <= 3 then top[i] = m end end
  local entry = {
    v = tostring(version), prev = cur or '', new = tier, pol = policyVersion, wd = tostring(W),
    wr = st.wr or '0', wg = st.wg or '0', ws = st.ws or '0', lr = st.lr or '0', lg = st.lg or '0', ls = st.ls or '0',
    traits = joinedTraits, trig = eventId, occ = occurredAt, contrib = table.concat(top, '\n')}
  redis.call('HSET', O, version, cjson.encode(entry))
  -- the history view shows the tiers, window profit, trigger and reason (which names only the
  -- largest contributor): keep just that, not the lifetime figures and traits the event carries
  entry.contrib, entry.lr, entry.lg, entry.ls, entry.traits = top[1] or '', nil, nil, nil, nil
  redis.call('LPUSH', H, cjson.encode(entry))
  redis.call('LTRIM', H, 0, historySize - 1)
  return cur or ''
end

-- Orders like a sorted set by |impact| then member, both descending; keeps the top N.
local function contribute(member)
  local impact, tmin = impactOf(member), opt('tmin')
  if tmin and impact < tmin then return end
  local list, ranked, impacts = readContributors(), {member}, {[member] = impact}
  for _, m in ipairs(list) do
    if m ~= member then ranked[#ranked + 1] = m; impacts[m] = impactOf(m) end
  end
  table.sort(ranked, function(a, b)
    local x, y = impacts[a], impacts[b]
    if x ~= y then return x > y end
    return a > b
  end)
  while #ranked > topN do table.remove(ranked) end
  for i = 1, math.max(#list, #ranked) do
    if list[i] ~= ranked[i] then writeContributors(ranked); return end
  end
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
  end
else
  -- every sum is computed (and refused on int64 overflow) before the first write
  for k = 1, 5 do add(LIFE[k], delta[k]) end
  add('m:' .. month, delta[1])
  local asof = opt('asof')
  local inWindow = not asof or day > math.max(asof, day) - W
  local bucket
  if inWindow then
    bucket = split(redis.call('HGET', B, day) or '0 0 0 0 0')
    for k = 1, 5 do
      if delta[k] ~= '0' then bucket[k] = plus(bucket[k], delta[k]) end
      if not bucket[k] then error({err = 'amount overflow: the day bucket would leave the 64-bit range'}) end
      add(WIN[k], delta[k])
    end
  end
  age(day)
  local first, last = opt('first'), opt('last')
  if not first or day < first then set('first', day) end
  if not last or day > last then set('last', day) end
  if inWindow then
    redis.call('HSET', B, day, table.concat(bucket, ' '))
    local b0, exp = opt('b0'), opt('exp') or -1
    if not b0 or day < b0 then set('b0', day) end
    if exp < 0 or day + W < exp then set('exp', day + W) end
    local impact = tonumber(delta[1]) - tonumber(delta[2]) - tonumber(delta[3])
    if impact ~= 0 then
      contribute(table.concat({day, eventId, kind, ref, occurredAt, string.format('%d', impact)}, '|'))
    end
  end
  changed = decide()
end
flush()
return result(1, changed)
