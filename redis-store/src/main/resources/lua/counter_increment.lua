-- CounterStore.increment: HINCRBY and the counter's TTL, in one atomic step.
-- KEYS[1] the counter (hash); ARGV[1] field, ARGV[2] TTL (ms)
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
