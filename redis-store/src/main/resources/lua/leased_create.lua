-- LeasedRoomStore.create: PrivyDrop's room hash with created_at and the room TTL, unless the room exists.
-- KEYS[1] room hash, KEYS[2] the room's sockets set (its TTL is set too, as PrivyDrop does; no effect if absent),
-- KEYS[3] optional: the index of room expiry times (standalone only; on a Cluster the caller updates it)
-- ARGV[1] created_at (ms), ARGV[2] room TTL (ms), ARGV[3] room id, ARGV[4] expiry (ms, store clock), ARGV[5] now (ms)
-- Returns 1 when created, 0 when the room existed (then nothing changes).
if redis.call('HEXISTS', KEYS[1], 'created_at') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'created_at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if KEYS[3] then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[5])
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
end
return 1
