-- Local functions for scripts that write something a request holds (a delivery event's step, an
-- outcome) together with the history entry recording it: the entry extends the request's chain,
-- so the request's new version (its etag, update time and history head) is written with it, and
-- only over the version the entry was computed from.

-- {'NOT_FOUND'} when the request is gone, {'STALE', etag} when it is no longer at expected_etag;
-- false when the entry can be appended.
local function request_moved(request_key, expected_etag)
  local current = redis.call('GET', request_key)
  if not current then return {'NOT_FOUND'} end
  local etag = cjson.decode(current)['Etag']
  if etag ~= expected_etag then return {'STALE', etag} end
  return false
end

-- Stores the request's new version and appends the entry to its history.
local function append_entry(request_key, history_key, request_json, entry_json)
  redis.call('SET', request_key, request_json)
  redis.call('RPUSH', history_key, entry_json)
end
