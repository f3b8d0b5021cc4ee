-- RoomStore.count: drops the leases that ran out (rooms nobody touched for a lease: their keys are gone), then counts.
-- KEYS[1] the app's room leases (sorted set code -> expiry in ms)
-- A lease is dropped only once its time is strictly past, as Redis expires a key only when now > its expiry, so a
-- room is never uncounted while its keys can still be read.
local now = redis.call('TIME')
local ms = now[1] * 1000 + math.floor(now[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('(%.0f', ms))
return redis.call('ZCARD', KEYS[1])
