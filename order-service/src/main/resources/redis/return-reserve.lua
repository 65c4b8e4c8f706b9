-- Reserves the quantities of a return against what the order contained, atomically, so two
-- concurrent returns can never together return more than was ordered.
-- KEYS[1] order lines hash, KEYS[2] the return's submission hash; ARGV: sku1, qty1, sku2, qty2, ...
-- Returns {'ok', 'r1,r2,...'} with the quantities returned before this return, per requested line;
-- {'unknown-sku', index} or {'too-many', index, still returnable}. A recovering caller gets the
-- reservation it made before, unchanged.
local reserved = redis.call('HGET', KEYS[2], 'reserved')
if reserved then
  return {'ok', reserved}
end
local before = {}
for i = 1, #ARGV, 2 do
  local index = tostring((i - 1) / 2)
  local line = redis.call('HGET', KEYS[1], 'line:' .. ARGV[i])
  if not line then
    return {'unknown-sku', index}
  end
  local ordered = tonumber(string.match(line, '^(%d+):'))
  local returned = tonumber(redis.call('HGET', KEYS[1], 'returned:' .. ARGV[i]) or '0')
  if returned + tonumber(ARGV[i + 1]) > ordered then
    return {'too-many', index, tostring(ordered - returned)}
  end
  before[#before + 1] = tostring(returned)
end
for i = 1, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], 'returned:' .. ARGV[i], ARGV[i + 1])
end
reserved = table.concat(before, ',')
redis.call('HSET', KEYS[2], 'reserved', reserved)
return {'ok', reserved}
