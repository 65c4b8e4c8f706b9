-- Writes what scoring-service computed for the customers of one hash-tag group, each only if
-- nobody wrote it since it was read: its state's `rev` must still be the one read (empty for a
-- new customer). The computed fields carry rev + 1, so every write moves it. Contract in
-- docs/scoring-service.md.
-- KEYS: the group's state epoch marker, then per customer its state hash and its outbox hash (all
-- in the group's slot).
-- ARGV: the state epoch the writer works in (empty: not checked), then per customer: rev read,
-- fields to set, fields to delete, whole outbox entries, followed by
-- the values in that order (set pairs, deleted names, outbox version/entry pairs). A pending tier
-- change is usually one of the set fields (o:<version>, compact); the outbox hash gets only those
-- the state no longer shows (ledger/PendingChanges.java).
-- Returns per customer 0 once written, or -1 (changed since it was read: read it again); or -2
-- alone, writing nothing, when the epoch marker is not the writer's epoch: Redis lost (or was
-- replaced under) the state the writer's offsets belong to (ledger/StateEpoch.java).
if ARGV[1] ~= '' then
  local marker = redis.call('GET', KEYS[1])
  if not marker or string.sub(marker, 1, #ARGV[1] + 1) ~= ARGV[1] .. ' ' then
    return -2
  end
end
local results = {}
local a = 2
for c = 2, #KEYS, 2 do
  local S, O = KEYS[c], KEYS[c + 1]
  local rev, nSet, nDel, nOut = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  local i = a + 4
  a = i + 2 * nSet + nDel + 2 * nOut
  if (redis.call('HGET', S, 'rev') or '') ~= rev then
    results[#results + 1] = -1
  else
    if nSet > 0 then redis.call('HSET', S, unpack(ARGV, i, i + 2 * nSet - 1)) end
    i = i + 2 * nSet
    if nDel > 0 then redis.call('HDEL', S, unpack(ARGV, i, i + nDel - 1)) end
    i = i + nDel
    if nOut > 0 then redis.call('HSET', O, unpack(ARGV, i, i + 2 * nOut - 1)) end
    results[#results + 1] = 0
  end
end
return results
