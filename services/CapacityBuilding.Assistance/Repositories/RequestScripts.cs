namespace CapacityBuilding.Assistance.Repositories;

/// <summary>The Lua scripts of <see cref="RedisAssistanceRequestRepository"/>; each runs atomically in Redis.</summary>
internal static class RequestScripts
{
    /// <summary>
    /// Writes a request, its history entry and its index changes together or not at all.
    /// KEYS[1] document, KEYS[2] history list, KEYS[3] idempotency key (create; else KEYS[1] again),
    /// KEYS[4..] index keys. ARGV[1] 'create' or 'replace', ARGV[2] etag the stored document must
    /// have (replace), ARGV[3] document JSON, ARGV[4] history entry JSON ('' for none), ARGV[5] id,
    /// ARGV[6] '1' when KEYS[3] is an idempotency key, ARGV[6 + i] '+member' or '-member' for KEYS[3 + i].
    /// Returns {'OK'}, {'EXISTS', id} (idempotent retry), {'NOT_FOUND'} or {'CONFLICT', etag}.
    /// </summary>
    public const string Write = """
        if ARGV[1] == 'create' then
          if ARGV[6] == '1' then
            local existing = redis.call('GET', KEYS[3])
            if existing then return {'EXISTS', existing} end
          end
          if redis.call('SET', KEYS[1], ARGV[3], 'NX') == false then
            return redis.error_reply('DUPLICATE_ID')
          end
          if ARGV[6] == '1' then redis.call('SET', KEYS[3], ARGV[5]) end
        else
          local current = redis.call('GET', KEYS[1])
          if not current then return {'NOT_FOUND'} end
          local etag = cjson.decode(current)['Etag']
          if etag ~= ARGV[2] then return {'CONFLICT', etag} end
          redis.call('SET', KEYS[1], ARGV[3])
        end
        if ARGV[4] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[4]) end
        for i = 4, #KEYS do
          local change = ARGV[i + 3]
          if string.sub(change, 1, 1) == '+' then
            redis.call('ZADD', KEYS[i], 0, string.sub(change, 2))
          else
            redis.call('ZREM', KEYS[i], string.sub(change, 2))
          end
        end
        return {'OK'}
        """;

    /// <summary>
    /// One page of index members matching every filter. Walks the smallest of the filter indexes
    /// (KEYS) from the cursor downwards and keeps the members present in all the others, stopping
    /// after page size + 1 matches or after examining the scan budget, so a page never costs more
    /// than the budget whatever the number of stored requests.
    /// ARGV[1] cursor member ('' for the first page), ARGV[2] upper lex bound, ARGV[3] lower lex
    /// bound, ARGV[4] page size, ARGV[5] scan budget, ARGV[6] length of the prefix before the id in
    /// a member, ARGV[7] / ARGV[8] lowest / first excluded creation-time prefix of ids ('' for none).
    /// Returns {matches, resume} where resume is the last member examined when the budget ran out
    /// before the end, else ''.
    /// </summary>
    public const string Page = """
        local driver = 1
        local smallest = redis.call('ZCARD', KEYS[1])
        for i = 2, #KEYS do
          local size = redis.call('ZCARD', KEYS[i])
          if size < smallest then smallest = size; driver = i end
        end
        local from = ARGV[2]
        if ARGV[1] ~= '' then from = '(' .. ARGV[1] end
        local pageSize = tonumber(ARGV[4])
        local budget = tonumber(ARGV[5])
        local prefix = tonumber(ARGV[6])
        local found = {}
        local examined = 0
        while examined < budget do
          local want = math.min(200, budget - examined)
          local batch = redis.call('ZREVRANGEBYLEX', KEYS[driver], from, ARGV[3], 'LIMIT', 0, want)
          for _, member in ipairs(batch) do
            examined = examined + 1
            local time = string.sub(member, prefix + 1, prefix + 12)
            local match = (ARGV[7] == '' or time >= ARGV[7]) and (ARGV[8] == '' or time < ARGV[8])
            if match then
              for i = 1, #KEYS do
                if i ~= driver and not redis.call('ZSCORE', KEYS[i], member) then match = false; break end
              end
            end
            if match then
              found[#found + 1] = member
              if #found > pageSize then return {found, ''} end
            end
          end
          if #batch < want then return {found, ''} end
          from = '(' .. batch[#batch]
        end
        return {found, string.sub(from, 2)}
        """;
}
