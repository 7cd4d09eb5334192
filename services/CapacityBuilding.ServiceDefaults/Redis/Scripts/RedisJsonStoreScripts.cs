namespace CapacityBuilding.ServiceDefaults.Redis.Scripts;

/// <summary>The Lua scripts of <see cref="RedisJsonStore{T}"/>: the <c>.lua</c> files beside this class, each documented at its top.</summary>
internal static class RedisJsonStoreScripts
{
    /// <summary>Creates a document with its index entry and idempotency key.</summary>
    public static readonly string Create = LuaScripts.Load(typeof(RedisJsonStoreScripts).Assembly, LuaScripts.IdempotencyFunctions, "json-store-create.lua");
}
