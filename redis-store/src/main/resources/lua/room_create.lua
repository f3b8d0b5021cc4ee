-- RoomStore.create: the room and its first member, unless the room exists.
-- KEYS[1] order (list of member ids), KEYS[2] members (hash id -> encoded member),
-- KEYS[3] optional: the app's set of room codes (standalone only; on a Cluster the caller updates it)
-- ARGV[1] member id, ARGV[2] encoded member, ARGV[3] room code
-- Returns 1 when created, 0 when the room existed.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if KEYS[3] then
  redis.call('SADD', KEYS[3], ARGV[3])
end
return 1
