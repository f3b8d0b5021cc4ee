-- RoomStore.create: the room and its first member, unless the room exists.
-- KEYS[1] order (list of member ids), KEYS[2] members (hash id -> encoded member),
-- KEYS[3] optional: the app's room leases (sorted set code -> expiry in ms; standalone only, on a Cluster the caller
-- updates it)
-- ARGV[1] member id, ARGV[2] encoded member, ARGV[3] room code, ARGV[4] lease in ms
-- Returns 1 when created, 0 when the room existed. Both keys expire after the lease unless touched again.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local lease = tonumber(ARGV[4])
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], lease)
redis.call('PEXPIRE', KEYS[2], lease)
if KEYS[3] then
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[3], now[1] * 1000 + math.floor(now[2] / 1000) + lease, ARGV[3])
end
return 1
