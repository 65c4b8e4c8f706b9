-- Claims up to ARGV[3] deliveries due by ARGV[1] by pushing them ARGV[2] ms into the future:
-- an instance that dies mid-delivery leaves them to be claimed again when the lease runs out.
-- KEYS[1] due set
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local leaseEnd = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, item in ipairs(due) do
  redis.call('ZADD', KEYS[1], leaseEnd, item)
end
return due
