namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// The Lua scripts that keep a course document and its search index sets in step: each runs
/// atomically in Redis, so a search never sees a course in a set it no longer belongs to, and a
/// failed write leaves nothing behind.
/// </summary>
internal static class CourseScripts
{
    // KEYS[1] document, KEYS[2] index of all courses, KEYS[3 .. 2+n] search sets,
    // KEYS[3+n] idempotency key (optional).
    // ARGV[1] id, ARGV[2] document JSON, ARGV[3] n.
    // Returns nil when it created the course, else the id an earlier create with the same
    // idempotency key made.
    public const string Create = """
        local n = tonumber(ARGV[3])
        local idempotency = KEYS[3 + n]
        if idempotency then
          local existing = redis.call('GET', idempotency)
          if existing then return existing end
        end
        if redis.call('SET', KEYS[1], ARGV[2], 'NX') == false then
          return redis.error_reply('DUPLICATE_ID')
        end
        redis.call('ZADD', KEYS[2], 0, ARGV[1])
        for i = 3, 2 + n do redis.call('SADD', KEYS[i], ARGV[1]) end
        if idempotency then redis.call('SET', idempotency, ARGV[1]) end
        return nil
        """;

    // One page of a search. Every group of several sets is merged (ZUNIONSTORE) into a scratch key, the
    // groups are intersected (ZINTERSTORE) into the result key with every score 0, so the result
    // orders by id, that is by creation time, and the page is one ZREVRANGEBYLEX. Scratch keys
    // have fixed names: a script runs alone, so no other search can see or clobber them.
    // KEYS[1] result scratch key, KEYS[2 .. 1+g] group scratch keys, then the sets of every group
    // in order. ARGV[1] lexicographic start ('+' or '(' .. last id), ARGV[2] count,
    // ARGV[3] g, ARGV[4 .. 3+g] the number of sets of each group.
    // Returns { total matches, id, id, ... }.
    public const string Search = """
        local g = tonumber(ARGV[3])
        local next = 2 + g
        -- Lua expands unpack() only as the last argument, so every command's arguments are built
        -- as one table.
        local intersect = { 'ZINTERSTORE', KEYS[1], g }
        for i = 1, g do
          local size = tonumber(ARGV[3 + i])
          if size == 1 then
            table.insert(intersect, KEYS[next])
          else
            local union = { 'ZUNIONSTORE', KEYS[1 + i], size }
            for j = 0, size - 1 do table.insert(union, KEYS[next + j]) end
            table.insert(union, 'WEIGHTS')
            for j = 1, size do table.insert(union, 0) end
            redis.call(unpack(union))
            table.insert(intersect, KEYS[1 + i])
          end
          next = next + size
        end
        table.insert(intersect, 'WEIGHTS')
        for i = 1, g do table.insert(intersect, 0) end
        redis.call(unpack(intersect))
        local total = redis.call('ZCARD', KEYS[1])
        local ids = redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[1], '-', 'LIMIT', 0, tonumber(ARGV[2]))
        for i = 1, 1 + g do redis.call('DEL', KEYS[i]) end
        table.insert(ids, 1, total)
        return ids
        """;
}
