-- RoomStore.join: adds a member unless the room is missing, holds it already, or is full.
-- KEYS[1] order, KEYS[2] members; ARGV[1] member id, ARGV[2] encoded member, ARGV[3] capacity
-- Returns {status, {encoded members in join order}}.
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

if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NOT_FOUND', {}}
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return {'ALREADY_MEMBER', snapshot()}
end
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return {'FULL', snapshot()}
end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return {'JOINED', snapshot()}
