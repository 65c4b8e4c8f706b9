-- KEYS[1]: an alert's hash; ARGV[1]: "<who> <epoch millis>".
-- The first acknowledgement stands; an alert that is gone (or was never) is not created by it.
-- Returns 1 when this call acknowledged it, 0 when it already was, -1 when there is no such alert.
if redis.call('HEXISTS', KEYS[1], 'alert') == 0 then
  return -1
end
return redis.call('HSETNX', KEYS[1], 'ack', ARGV[1])
