-- Confirms a HELD hold: its unused seats become the country's to take (seats.lua), and its
-- nationals already on the waitlist take them at once, in arrival order, while the session is
-- scheduled. A CONFIRMED hold is answered as it is (confirming is idempotent).
-- KEYS[1] hold document, KEYS[2] session document, KEYS[3] confirmed set, KEYS[4] waitlist,
-- KEYS[5] held seats counter, KEYS[6] open holds.
-- ARGV[1] session id, ARGV[2] now (the JSON form of UpdateTime), ARGV[3] a new etag, ARGV[4]
-- prefixed key of a hold without its id, ARGV[5] prefixed key of an enrolment without its id.
-- Returns { 'CHANGED', json }, { 'UNCHANGED', json }, { 'NOT_FOUND' } or { 'RELEASED', json }.
-- Starts with seats.lua.
local hold = redis.call('GET', KEYS[1])
if not hold then return { 'NOT_FOUND' } end
local stored = hold
hold = cjson.decode(hold)
if hold.SessionId ~= ARGV[1] then return { 'NOT_FOUND' } end
if hold.State == 'Confirmed' then return { 'UNCHANGED', stored } end
if hold.State == 'Released' then return { 'RELEASED', stored } end
local session = cjson.decode(redis.call('GET', KEYS[2]))
local s = {
  capacity = session.SeatCapacity, confirmed = KEYS[3], waitlist = KEYS[4], held = KEYS[5], open = KEYS[6],
  hold_prefix = ARGV[4], enrolment_prefix = ARGV[5], now = ARGV[2], etag = ARGV[3],
}
hold.State = 'Confirmed'
save_hold(s, hold)
if hold.SeatsUsed < hold.Seats then redis.call('ZADD', KEYS[6], 0, open_member(hold)) end
if session.Status == 'Scheduled' then seat_waitlisted(s) end
return { 'CHANGED', redis.call('GET', KEYS[1]) }
