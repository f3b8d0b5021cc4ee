-- RoomStore.count: drops the leases that ran out (rooms nobody touched for a lease: their keys are gone), then counts.
-- KEYS[1] the app's room leases (sorted set code -> expiry in ms)
local now = redis.call('TIME')
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now[1] * 1000 + math.floor(now[2] / 1000))
return redis.call('ZCARD', KEYS[1])
