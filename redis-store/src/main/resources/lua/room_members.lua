-- RoomStore.members: the encoded members in join order, read in one step.
-- KEYS[1] order, KEYS[2] members
local out = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  local member = redis.call('HGET', KEYS[2], id)
  if member then
    out[#out + 1] = member
  end
end
return out
