-- LeasedRoomStore.unbind: drops the binding and the membership; the room of the last one out gets the empty grace.
-- KEYS[1] room hash, KEYS[2] sockets set (Redis deletes it when it becomes empty),
-- KEYS[3] optional: socket:<sid>, KEYS[4] optional: the expiry index (both standalone only)
-- ARGV[1] session id, ARGV[2] grace (ms), ARGV[3] room id, ARGV[4] expiry after the grace (ms, store clock)
-- Returns {sessions still bound, 1 if the grace was applied to an existing room else 0}.
if KEYS[3] then
  redis.call('DEL', KEYS[3])
end
redis.call('SREM', KEYS[2], ARGV[1])
local left = redis.call('SCARD', KEYS[2])
local graced = 0
if left == 0 then
  graced = redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if graced == 1 and KEYS[4] then
  redis.call('ZADD', KEYS[4], ARGV[4], ARGV[3])
end
return {left, graced}
