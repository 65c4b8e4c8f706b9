-- Records one alert atomically. Returns DUPLICATE, SNOOZED, COOLDOWN or ACCEPTED.
-- KEYS: 1 seen marker, 2 snooze (until, epoch millis), 3 cooldown marker, 4 alert hash,
--       5 rep index, 6 all-alerts index, 7 due deliveries, 8 rep digest list, 9 the store marker
--       (without it: LOST, nothing written: Redis lost the seen markers, recovery/StoreRecovery)
-- ARGV: 1 now, 2 dedupe TTL ms, 3 cooldown ms, 4 alert JSON, 5 alert id, 6 IMMEDIATE|DIGEST,
--       7 created (index score), 8 rep id, 9 live pub/sub channel, 10.. channels
-- An accepted alert is announced on the live channel from here, not in another round trip.
if redis.call('EXISTS', KEYS[9]) == 0 then
  return 'LOST'
end
local now = tonumber(ARGV[1])
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then
  return 'DUPLICATE'
end
local status = 'ACCEPTED'
local snoozedUntil = redis.call('GET', KEYS[2])
if snoozedUntil and tonumber(snoozedUntil) > now then
  status = 'SNOOZED'
elseif tonumber(ARGV[3]) > 0 and not redis.call('SET', KEYS[3], ARGV[5], 'NX', 'PX', ARGV[3]) then
  status = 'COOLDOWN'
end
redis.call('HSET', KEYS[4], 'alert', ARGV[4], 'status', status, 'rep', ARGV[8], 'mode', ARGV[6])
redis.call('PEXPIRE', KEYS[4], ARGV[2])
-- The indexes keep what the alert hashes keep: entries older than the dedupe TTL go.
for _, index in ipairs({KEYS[5], KEYS[6]}) do
  redis.call('ZADD', index, ARGV[7], ARGV[5])
  redis.call('ZREMRANGEBYSCORE', index, '-inf', now - tonumber(ARGV[2]))
end
if status == 'ACCEPTED' then
  if ARGV[6] == 'DIGEST' then
    redis.call('RPUSH', KEYS[8], ARGV[5])
  else
    for i = 10, #ARGV do
      redis.call('HSET', KEYS[4], 'd:' .. ARGV[i], '{"attempts":0,"outcome":"PENDING"}')
      redis.call('ZADD', KEYS[7], now, 'alert:' .. ARGV[5] .. '|' .. ARGV[i])
    end
  end
end
if status == 'ACCEPTED' then
  redis.call('PUBLISH', ARGV[9], ARGV[5])
end
return status
