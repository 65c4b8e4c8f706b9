-- Gives up a claim after Kafka refused the event, so a retry can publish it; only the
-- claimant's own pending claim is removed. KEYS[1] submission; ARGV[1] fingerprint, ARGV[2] claim time.
if redis.call('HGET', KEYS[1], 'fp') == ARGV[1] and redis.call('HGET', KEYS[1], 'state') == 'pending'
    and redis.call('HGET', KEYS[1], 'since') == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
