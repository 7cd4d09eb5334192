namespace CapacityBuilding.DemoData;

/// <summary>What the caller of the loader needs after loading: the donor to mint a demo token for (null when nothing is funded).</summary>
public sealed record DemoLoadResult(string? FundingDonorId);
