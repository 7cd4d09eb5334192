using CapacityBuilding.ServiceDefaults.Redis;

namespace CapacityBuilding.Funding.Repositories.Scripts;

/// <summary>
/// The Lua scripts of the funding repositories: the <c>.lua</c> files beside this class, each
/// documented at its top and run atomically in Redis. The create scripts start with the shared
/// idempotency functions, the scripts that move money with the exact money arithmetic of
/// <c>ledger-functions.lua</c>.
/// </summary>
internal static class FundingScripts
{
    private const string LedgerFunctions = "ledger-functions.lua";
    private const string ChainFunctions = "chain-functions.lua";
    private const string TotalsFunctions = "totals-functions.lua";

    /// <summary>Allocates part of a pledge, checking its balance in the same step.</summary>
    public static readonly string AllocationAllocate = Load(LuaScripts.IdempotencyFunctions, LedgerFunctions, ChainFunctions, TotalsFunctions, "allocation-allocate.lua");

    /// <summary>Releases an undisbursed allocation back to its pledge.</summary>
    public static readonly string AllocationRelease = Load(LedgerFunctions, ChainFunctions, TotalsFunctions, "allocation-release.lua");

    /// <summary>Confirms a proposed allocation, unless its request was closed to funding.</summary>
    public static readonly string AllocationConfirm = Load(ChainFunctions, TotalsFunctions, "allocation-confirm.lua");

    /// <summary>Closes a request to funding unless money is allocated to it; its donors' budget sums leave it.</summary>
    public static readonly string RequestFundingClose = Load(TotalsFunctions, "request-funding-close.lua");

    /// <summary>Takes back one closure of a request to funding; its donors' budget sums count it again when none is left.</summary>
    public static readonly string RequestFundingReopen = Load(TotalsFunctions, "request-funding-reopen.lua");

    /// <summary>Disburses part of an allocation, never more than is left of it.</summary>
    public static readonly string AllocationDisburse = Load(LuaScripts.IdempotencyFunctions, LedgerFunctions, ChainFunctions, TotalsFunctions, "allocation-disburse.lua");

    /// <summary>Records money paid in against a committed pledge, never beyond its amount.</summary>
    public static readonly string ContributionCreate = Load(LuaScripts.IdempotencyFunctions, LedgerFunctions, ChainFunctions, TotalsFunctions, "contribution-create.lua");

    /// <summary>Creates a pledge and its ledger.</summary>
    public static readonly string PledgeCreate = Load(LuaScripts.IdempotencyFunctions, ChainFunctions, TotalsFunctions, "pledge-create.lua");

    /// <summary>Commits or cancels a pledge.</summary>
    public static readonly string PledgeTransition = Load(ChainFunctions, TotalsFunctions, "pledge-transition.lua");

    /// <summary>Counts an allocation stored before the totals existed into them, once.</summary>
    public static readonly string TotalsCountAllocation = Load(TotalsFunctions, "totals-count-allocation.lua");

    /// <summary>Counts a pledge stored before the totals existed into them, once.</summary>
    public static readonly string TotalsCountPledge = Load(TotalsFunctions, "totals-count-pledge.lua");

    /// <summary>Counts a funded request stored before the donors' budget sums existed into them, once.</summary>
    public static readonly string DonorBudgetsCount = Load(TotalsFunctions, "donor-budgets-count.lua");

    private static string Load(params string[] files) => LuaScripts.Load(typeof(FundingScripts).Assembly, files);
}
