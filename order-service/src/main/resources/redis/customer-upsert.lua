-- Keeps the newest master data of a customer: an older update arriving late does not win.
-- KEYS[1] customer hash; ARGV[1] updatedAt (epoch ms), ARGV[2] json. Returns 1 if stored.
local current = redis.call('HGET', KEYS[1], 'updatedAt')
if current and tonumber(current) > tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[1], 'json', ARGV[2])
return 1
