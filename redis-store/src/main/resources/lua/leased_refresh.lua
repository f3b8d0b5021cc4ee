-- LeasedRoomStore.refresh: the room and its sockets set live one room TTL from now (each only if it exists).
-- KEYS[1] room hash, KEYS[2] sockets set, KEYS[3] optional: the expiry index (standalone only)
-- ARGV[1] room TTL (ms), ARGV[2] room id, ARGV[3] expiry (ms, store clock)
-- Returns 1 if the room exists, else 0.
local live = redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
if live == 1 and KEYS[3] then
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
end
return live
