-- RateLimitStore.hit: PrivyDrop's sliding window in one atomic step.
-- KEYS[1] ratelimit:<bucket> (sorted set: attempts scored by their time in ms)
-- ARGV[1] now (ms), ARGV[2] a member unique to this attempt, ARGV[3] the window's start: attempts at or before it
-- have left the window (ms), ARGV[4] window (ms)
-- Returns {attempts in the window, this one included; the oldest attempt's time in ms, as a string}.
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local count = redis.call('ZCARD', KEYS[1])
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {count, oldest[2]}
