-- KEYS[1] idempotency key. ARGV[1] the create's fingerprint.
-- Returns {'EXISTING', id}, {'REQUEST_ID_REUSED'} or {'NEW'}: the look-up a create makes before
-- work that a retry must skip (see EarlierCreates.cs).
-- Starts with idempotency.lua.
return earlier_create(KEYS[1], ARGV[1]) or {'NEW'}
