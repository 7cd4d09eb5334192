-- Records one step of a delivery event on its request's history, once.
-- KEYS[1] request, KEYS[2] its history list, KEYS[3] its delivery steps (a hash: step -> sequence
-- of the entry recording it). ARGV[1] the request's etag the entry was computed from, ARGV[2] the
-- request's new version (JSON), ARGV[3] the entry (JSON), ARGV[4] the step ('{event} {action}'),
-- ARGV[5] the entry's sequence.
-- Returns {'RECORDED'}, {'EXISTING', sequence} when the step was recorded before, {'NOT_FOUND'} or
-- {'STALE', etag}.
-- Starts with request-history.lua.
local earlier = redis.call('HGET', KEYS[3], ARGV[4])
if earlier then return {'EXISTING', earlier} end
local moved = request_moved(KEYS[1], ARGV[1])
if moved then return moved end
append_entry(KEYS[1], KEYS[2], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
return {'RECORDED'}
