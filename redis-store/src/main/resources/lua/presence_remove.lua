-- Removes one session from a network group (layout in presence_add.lua); the group is deleted when no session is
-- left (only `seq` would remain), otherwise its TTL is reset.
-- KEYS[1] the group's hash
-- ARGV[1] session id, ARGV[2] group TTL in ms
-- Returns 1 when the session was there, 0 otherwise.
if redis.call('HDEL', KEYS[1], 'm:' .. ARGV[1], 'n:' .. ARGV[1]) == 0 then
  return 0
end
if redis.call('HLEN', KEYS[1]) <= 1 then
  redis.call('DEL', KEYS[1])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
