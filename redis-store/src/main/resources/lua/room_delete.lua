-- RoomStore.delete: the room and its membership.
-- KEYS[1] order, KEYS[2] members, KEYS[3] optional: the app's room leases (standalone only)
-- ARGV[1] room code
redis.call('DEL', KEYS[1], KEYS[2])
if KEYS[3] then
  redis.call('ZREM', KEYS[3], ARGV[1])
end
return 1
