-- Adds one session to a network group, or refreshes its fields if it is there (it keeps its place in the order).
-- The group is one hash: field `seq` counts joins; `m:<session>` = `<seq>|<0 or 1 paired>|<node>`; `n:<session>` =
-- display name. Every change resets the group's TTL.
-- KEYS[1] the group's hash
-- ARGV[1] session id, ARGV[2] paired ('0' or '1'), ARGV[3] node id, ARGV[4] name, ARGV[5] group TTL in ms
-- Returns 1 when the session was new, 0 when it was there.
local field = 'm:' .. ARGV[1]
local old = redis.call('HGET', KEYS[1], field)
local seq
if old then
  seq = string.match(old, '^(%d+)|')
else
  seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
end
redis.call('HSET', KEYS[1], field, seq .. '|' .. ARGV[2] .. '|' .. ARGV[3], 'n:' .. ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if old then
  return 0
end
return 1
