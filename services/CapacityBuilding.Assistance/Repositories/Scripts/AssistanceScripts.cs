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
    /// <summary>Adds a request, unless it changed since it was read, to index sets it may be missing from.</summary>
    public static readonly string RequestIndex = Load("request-index.lua");

    /// <summary>Adds a request stored before the counters existed to them, once.</summary>
    public static readonly string RequestCount = Load("request-count.lua");

    /// <summary>Writes a state's status toward the Convention if it is still the version the change was made from.</summary>
    public static readonly string ConventionStatusWrite = Load("convention-status-write.lua");

    /// <summary>The ids of one index that are also in any of the others.</summary>
    public static readonly string RequestIdsAmong = Load("request-ids-among.lua");
    /// <summary>Writes an offer with its sets and, for an event of the request's history, the request and its entry.</summary>
    public static readonly string OfferWrite = Load(LuaScripts.IdempotencyFunctions, "offer-write.lua");

    /// <summary>The ids of the active requests whose areas and days may overlap one request's.</summary>
    public static readonly string RequestOverlapCandidates = Load("request-overlap-candidates.lua");

    /// <summary>Adds a request stored before the overlap index to its sets, if unchanged since it was read.</summary>
    public static readonly string RequestOverlapIndexAdd = Load("request-overlap-index-add.lua");

    private static string Load(params string[] files) => LuaScripts.Load(typeof(AssistanceScripts).Assembly, files);
}
