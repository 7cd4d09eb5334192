using CapacityBuilding.ServiceDefaults.Redis;

namespace CapacityBuilding.Assistance.Repositories.Scripts;

/// <summary>The Lua scripts of the assistance repositories: the <c>.lua</c> files beside this class, each documented at its top and run atomically in Redis.</summary>
internal static class AssistanceScripts
{
    /// <summary>Writes a request, its history entry and its index changes together or not at all.</summary>
    public static readonly string RequestWrite = Load(LuaScripts.IdempotencyFunctions, "request-write.lua");

    /// <summary>One page of index members matching every filter, within a scan budget.</summary>
    public static readonly string RequestPage = Load("request-page.lua");

    /// <summary>Records one step of a delivery event on its request's history, once.</summary>
    public static readonly string DeliveryStepRecord = Load("request-history.lua", "delivery-step-record.lua");

    /// <summary>Writes an outcome of a request with the history entry recording it.</summary>
    public static readonly string OutcomeWrite = Load(LuaScripts.IdempotencyFunctions, "request-history.lua", "outcome-write.lua");

    private static string Load(params string[] files) => LuaScripts.Load(typeof(AssistanceScripts).Assembly, files);
}
