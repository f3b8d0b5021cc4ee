-- RoomStore.leave: removes a member; the last one out deletes the room.
-- KEYS[1] order, KEYS[2] members, KEYS[3] optional: the app's room leases (standalone only)
-- ARGV[1] member id, ARGV[2] room code
-- Returns {1 if this call deleted the room else 0, {encoded members that remain, in join order}}.
local function snapshot()
  local out = {}
  for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
    local member = redis.call('HGET', KEYS[2], id)
    if member then
      out[#out + 1] = member
    end
  end
  return out
end

if redis.call('HDEL', KEYS[2], ARGV[1]) == 1 then
  redis.call('LREM', KEYS[1], 0, ARGV[1])
  if redis.call('LLEN', KEYS[1]) == 0 then
    redis.call('DEL', KEYS[1], KEYS[2])
    if KEYS[3] then
      redis.call('ZREM', KEYS[3], ARGV[2])
    end
    return {1, {}}
  end
end
return {0, snapshot()}
