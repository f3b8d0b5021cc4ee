-- RedisSessionDirectory.forgetNode, per session: deletes <prefix>session:<sid> only if it still names the dead node
-- (the session may have reconnected to another node since).
-- KEYS[1] <prefix>session:<sid>; ARGV[1] the node id
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
