-- Sets the name of one session of a network group (layout in presence_add.lua); a missing session is not added.
-- KEYS[1] the group's hash
-- ARGV[1] session id, ARGV[2] name, ARGV[3] group TTL in ms
-- Returns 1 when the session was there, 0 otherwise.
if redis.call('HEXISTS', KEYS[1], 'm:' .. ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'n:' .. ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
