-- Sets the paired flag of one session of a network group (layout in presence_add.lua); a missing session is not
-- added.
-- KEYS[1] the group's hash
-- ARGV[1] session id, ARGV[2] paired ('0' or '1'), ARGV[3] group TTL in ms
-- Returns 1 when the session was there, 0 otherwise.
local field = 'm:' .. ARGV[1]
local old = redis.call('HGET', KEYS[1], field)
if not old then
  return 0
end
local seq, node = string.match(old, '^(%d+)|[01]|(.*)$')
redis.call('HSET', KEYS[1], field, seq .. '|' .. ARGV[2] .. '|' .. node)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
