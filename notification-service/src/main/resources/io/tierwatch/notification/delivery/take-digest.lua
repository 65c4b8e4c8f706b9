-- Moves a rep's waiting digest alerts into one digest batch and queues its deliveries, atomically,
-- so two instances running the digest job cannot both take the same alerts.
-- KEYS: 1 rep digest list, 2 digest batch hash, 3 due set
-- ARGV: 1 now, 2 digest id, 3 rep id, 4 TTL ms, 5.. channels. Returns the alert ids taken.
local ids = redis.call('LRANGE', KEYS[1], 0, -1)
if #ids == 0 then
  return ids
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[2], 'rep', ARGV[3], 'alerts', table.concat(ids, ','))
redis.call('PEXPIRE', KEYS[2], ARGV[4])
-- The alerts' own delivery states say they are on their way in a digest. Their keys are built
-- here, not passed in KEYS: notification keys are not laid out for Redis Cluster (see the docs).
for _, id in ipairs(ids) do
  for i = 5, #ARGV do
    redis.call('HSET', 'tw:notify:alert:' .. id, 'd:' .. ARGV[i], '{"attempts":0,"outcome":"PENDING"}')
  end
end
for i = 5, #ARGV do
  redis.call('ZADD', KEYS[3], ARGV[1], 'digest:' .. ARGV[2] .. '|' .. ARGV[i])
end
return ids
