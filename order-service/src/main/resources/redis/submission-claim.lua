-- Claims an event id for publishing, or says why not.
-- KEYS[1] submission hash, KEYS[2] the store marker; ARGV[1] content fingerprint, ARGV[2] now (epoch
-- ms), ARGV[3] stale after (ms).
-- Returns {outcome, first claim time}: claimed | duplicate | conflict | in-progress | recover, or lost
-- when the store marker is gone (Redis lost its records: a claim now could let a resubmission through).
if redis.call('EXISTS', KEYS[2]) == 0 then
  return {'lost', '0', '0'}
end
local fp = redis.call('HGET', KEYS[1], 'fp')
if not fp then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'pending', 'since', ARGV[2], 'first', ARGV[2])
  return {'claimed', ARGV[2], ARGV[2]}
end
if fp ~= ARGV[1] then
  return {'conflict', '0', '0'}
end
if redis.call('HGET', KEYS[1], 'state') == 'done' then
  return {'duplicate', '0', '0'}
end
local since = redis.call('HGET', KEYS[1], 'since')
if tonumber(ARGV[2]) - tonumber(since) < tonumber(ARGV[3]) then
  return {'in-progress', since, since}
end
-- the claimant is gone (crashed between claim and completion): this caller takes over
redis.call('HSET', KEYS[1], 'since', ARGV[2])
return {'recover', redis.call('HGET', KEYS[1], 'first'), ARGV[2]}
