-- Stores a customer's master data unless a newer version is already stored.
-- KEYS[1] customer hash; ARGV[1] updatedAt epoch millis; ARGV[2..] field, value pairs.
local stored = redis.call('HGET', KEYS[1], 'updatedAt')
if stored and tonumber(stored) > tonumber(ARGV[1]) then
  return 0
end
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[1])
return 1
