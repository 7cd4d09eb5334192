namespace CapacityBuilding.ServiceDefaults.Redis.Scripts;

/// <summary>The Lua scripts of <see cref="RedisJsonStore{T}"/> and <see cref="EarlierCreates"/>: the <c>.lua</c> files beside this class, each documented at its top.</summary>
internal static class RedisJsonStoreScripts
{
    /// <summary>Creates a document with its index entry and idempotency key.</summary>
    public static readonly string Create = LuaScripts.Load(typeof(RedisJsonStoreScripts).Assembly, LuaScripts.IdempotencyFunctions, "json-store-create.lua");

    /// <summary>Looks up an earlier create with the same request id.</summary>
    public static readonly string FindEarlierCreate = LuaScripts.Load(typeof(RedisJsonStoreScripts).Assembly, LuaScripts.IdempotencyFunctions, "idempotency-find.lua");
}
