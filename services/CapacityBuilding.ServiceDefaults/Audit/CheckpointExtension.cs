using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.ServiceDefaults.Audit;

/// <summary>Whether a hash chain still begins with the entries a (genuine) checkpoint recorded: it may only have been extended since.</summary>
public static class CheckpointExtension
{
    /// <summary>
    /// The first entry the chain (its entries' hashes, oldest first; null for one that cannot be
    /// read) no longer holds as <paramref name="checkpoint"/> recorded it, and why; null when it does.
    /// </summary>
    public static (long Sequence, string Problem)? DepartureFrom(IReadOnlyList<string?> hashes, ChainCheckpoint checkpoint, string genesis)
    {
        var length = checkpoint.Length;
        if (length > hashes.Count)
        {
            return (hashes.Count + 1, $"the checkpoint records {length} entries but only {hashes.Count} are stored.");
        }

        var head = length == 0 ? genesis : hashes[(int)length - 1];
        return head == checkpoint.HeadHash
            ? null
            : (Math.Max(length, 1), $"entry {length} is not the one the checkpoint recorded: the chain was rewritten, not only extended.");
    }
}
