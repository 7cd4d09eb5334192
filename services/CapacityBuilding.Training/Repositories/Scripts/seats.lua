-- Local functions that keep a session's seats, put in front of every script that changes them
-- (enrol, cancel, seat hold create, confirm and release), so that the counting is written once.
-- A session's seats are counted as:
--   free = SeatCapacity - (confirmed enrolments) - (unused seats of HELD and CONFIRMED holds)
-- The scripts describe the session's seats with a table `s`:
--   s.capacity         the session's SeatCapacity
--   s.confirmed        key of the set of confirmed enrolment ids (enrolments on held seats included)
--   s.waitlist         key of the waitlist, enrolment ids scored by arrival
--   s.held             key of the counter of unused seats of HELD and CONFIRMED holds
--   s.open             key of the CONFIRMED holds with unused seats: members 'COUNTRY:hold id',
--                      score 0, so that a country's are found by lexical range
--   s.hold_prefix      prefixed key of a hold document without its id
--   s.enrolment_prefix prefixed key of an enrolment document without its id
--   s.now, s.etag      UpdateTime and Etag of a hold this script changes
-- Two invariants hold after every script: a waitlisted enrolment has no free seat, and none of
-- a waitlisted national's country's CONFIRMED holds has an unused seat (both only while the
-- session is scheduled: no one is seated otherwise).

local function free_seats(s)
  return s.capacity - redis.call('SCARD', s.confirmed) - tonumber(redis.call('GET', s.held) or '0')
end

local function open_member(hold)
  return hold.Country .. ':' .. hold.Id
end

-- The id of a CONFIRMED hold of country with an unused seat, or nil (';' follows ':').
local function open_hold_of(s, country)
  local member = redis.call('ZRANGEBYLEX', s.open, '[' .. country .. ':', '(' .. country .. ';', 'LIMIT', 0, 1)[1]
  if member then return string.sub(member, #country + 2) end
  return nil
end

local function read_hold(s, id)
  return cjson.decode(redis.call('GET', s.hold_prefix .. id))
end

local function save_hold(s, hold)
  hold.UpdateTime = s.now
  hold.Etag = s.etag
  local json = cjson.encode(hold)
  redis.call('SET', s.hold_prefix .. hold.Id, json)
  return json
end

-- Gives the enrolment (decoded, not written here) a seat if one is there for it: an unused seat
-- of a CONFIRMED hold of its nationality first, then a free seat. Returns whether it got one.
local function seat(s, enrolment)
  local hold_id = open_hold_of(s, enrolment.Nationality)
  if hold_id then
    local hold = read_hold(s, hold_id)
    hold.SeatsUsed = hold.SeatsUsed + 1
    redis.call('DECR', s.held)
    if hold.SeatsUsed >= hold.Seats then redis.call('ZREM', s.open, open_member(hold)) end
    save_hold(s, hold)
    enrolment.SeatHoldId = hold_id
  elseif free_seats(s) > 0 then
    enrolment.SeatHoldId = nil
  else
    return false
  end
  enrolment.State = 'Confirmed'
  redis.call('SADD', s.confirmed, enrolment.Id)
  return true
end

-- Gives back the seat a confirmed enrolment leaves: to its hold while the hold is CONFIRMED,
-- else to the session.
local function give_back_seat(s, enrolment)
  redis.call('SREM', s.confirmed, enrolment.Id)
  local hold_id = enrolment.SeatHoldId
  if type(hold_id) ~= 'string' then return end
  local hold = read_hold(s, hold_id)
  if hold.State ~= 'Confirmed' then return end
  hold.SeatsUsed = hold.SeatsUsed - 1
  redis.call('INCR', s.held)
  redis.call('ZADD', s.open, 0, open_member(hold))
  save_hold(s, hold)
end

local function nothing_to_give(s)
  return free_seats(s) <= 0 and redis.call('ZCARD', s.open) == 0
end

-- Seats waitlisted enrolments in arrival order while seats are there for them (after seats
-- were given back or a hold confirmed), which restores the invariants. Returns the JSON of the
-- enrolments seated, in arrival order.
local function seat_waitlisted(s)
  local seated = {}
  if nothing_to_give(s) then return seated end
  for _, id in ipairs(redis.call('ZRANGE', s.waitlist, 0, -1)) do
    local key = s.enrolment_prefix .. id
    local enrolment = cjson.decode(redis.call('GET', key))
    if seat(s, enrolment) then
      redis.call('ZREM', s.waitlist, id)
      enrolment.UpdateTime = s.now
      local json = cjson.encode(enrolment)
      redis.call('SET', key, json)
      seated[#seated + 1] = json
      if nothing_to_give(s) then break end
    end
  end
  return seated
end
