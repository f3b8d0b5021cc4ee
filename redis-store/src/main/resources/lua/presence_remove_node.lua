-- Removes every session of one (dead) node from a network group (layout in presence_add.lua); the group is deleted
-- when no session is left, otherwise its TTL is reset if anything was removed. O(size of the group).
-- KEYS[1] the group's hash
-- ARGV[1] node id, ARGV[2] group TTL in ms
-- Returns how many sessions were removed.
local all = redis.call('HGETALL', KEYS[1])
local removed = 0
for i = 1, #all, 2 do
  local field = all[i]
  if string.sub(field, 1, 2) == 'm:' and string.match(all[i + 1], '^%d+|[01]|(.*)$') == ARGV[1] then
    redis.call('HDEL', KEYS[1], field, 'n:' .. string.sub(field, 3))
    removed = removed + 1
  end
end
if removed > 0 then
  if redis.call('HLEN', KEYS[1]) <= 1 then
    redis.call('DEL', KEYS[1])
  else
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
  end
end
return removed
