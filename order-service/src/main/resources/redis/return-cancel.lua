-- Undoes a return's reservation and gives up its claim, after Kafka refused the event or the
-- return broke a rule; only the claimant's own pending claim is undone.
-- KEYS[1] order lines hash, KEYS[2] submission hash; ARGV[1] fingerprint, ARGV[2] claim time,
-- ARGV[3..] sku1, qty1, sku2, qty2, ...
if redis.call('HGET', KEYS[2], 'fp') ~= ARGV[1] or redis.call('HGET', KEYS[2], 'state') ~= 'pending'
    or redis.call('HGET', KEYS[2], 'since') ~= ARGV[2] then
  return 0
end
if redis.call('HEXISTS', KEYS[2], 'reserved') == 1 then
  for i = 3, #ARGV, 2 do
    redis.call('HINCRBY', KEYS[1], 'returned:' .. ARGV[i], -tonumber(ARGV[i + 1]))
  end
end
redis.call('DEL', KEYS[2])
return 1
