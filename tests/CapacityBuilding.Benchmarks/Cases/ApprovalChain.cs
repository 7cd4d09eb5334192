using Google.Type;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>What case 6 needs: requests waiting for a decision, and a committed pledge to allocate <paramref name="Allocation"/> from to each.</summary>
internal sealed record ApprovalChain(UnderReviewPool Requests, string Pledge, Money Allocation);
