-- RoomStore.join: adds a member unless the room is missing, holds it already, or is full.
-- KEYS[1] order, KEYS[2] members, KEYS[3] optional: the app's room leases (standalone only)
-- ARGV[1] member id, ARGV[2] encoded member, ARGV[3] capacity, ARGV[4] room code, ARGV[5] lease in ms
-- Returns {status, {encoded members in join order}}. A join renews the room's lease.
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
local lease = tonumber(ARGV[5])
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], lease)
redis.call('PEXPIRE', KEYS[2], lease)
if KEYS[3] then
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[3], now[1] * 1000 + math.floor(now[2] / 1000) + lease, ARGV[4])
end
return {'JOINED', snapshot()}
