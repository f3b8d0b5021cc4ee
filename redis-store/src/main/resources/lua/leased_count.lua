-- LeasedRoomStore.count: trims expired rooms from the expiry index, then counts the rest.
-- KEYS[1] the index (sorted set: room id scored by its expiry in ms); ARGV[1] now (ms, store clock)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return redis.call('ZCARD', KEYS[1])
