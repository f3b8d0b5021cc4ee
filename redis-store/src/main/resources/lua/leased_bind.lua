-- LeasedRoomStore.bind: the session's binding with its TTL, and membership of the room's set.
-- KEYS[1] the room's sockets set, KEYS[2] optional: socket:<sid> (standalone only; on a Cluster the caller sets it)
-- ARGV[1] session id, ARGV[2] room id, ARGV[3] binding TTL (ms)
if KEYS[2] then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
redis.call('SADD', KEYS[1], ARGV[1])
return 1
