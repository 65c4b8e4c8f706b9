-- Writes what scoring-service computed for one customer, only if nobody wrote the customer since
-- it was read: the state's `rev` must still be ARGV[1] (empty for a new customer). The computed
-- fields carry rev + 1, so every write moves it. Contract in docs/scoring-service.md.
-- KEYS: 1 state hash, 2 contributor list, 3 outbox hash, 4 history list (one hash tag).
-- ARGV: 1 rev read, 2 fields to set, 3 fields to delete, 4 contributors ('-' unchanged, else how
-- many replace the list), 5 outbox entries, 6 history entries, 7 history kept; then the values in
-- that order (set pairs, deleted names, contributors, outbox version/entry pairs, history oldest first).
-- Returns the outbox size, or -1 when the customer changed since it was read (read it again).
local S, T, O, H = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
if (redis.call('HGET', S, 'rev') or '') ~= ARGV[1] then return -1 end
local nSet, nDel, nTop, nOut, nHist = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5]),
  tonumber(ARGV[6])
local i = 8
if nSet > 0 then redis.call('HSET', S, unpack(ARGV, i, i + 2 * nSet - 1)); i = i + 2 * nSet end
if nDel > 0 then redis.call('HDEL', S, unpack(ARGV, i, i + nDel - 1)); i = i + nDel end
if nTop ~= '-' then
  local n = tonumber(nTop)
  redis.call('DEL', T)
  if n > 0 then redis.call('RPUSH', T, unpack(ARGV, i, i + n - 1)); i = i + n end
end
if nOut > 0 then redis.call('HSET', O, unpack(ARGV, i, i + 2 * nOut - 1)); i = i + 2 * nOut end
if nHist > 0 then
  redis.call('LPUSH', H, unpack(ARGV, i, i + nHist - 1))
  redis.call('LTRIM', H, 0, tonumber(ARGV[7]) - 1)
end
return redis.call('HLEN', O)
