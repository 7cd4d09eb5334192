using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Audit;
using CapacityBuilding.ServiceDefaults.Paging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Reading and verifying a request's hash-chained history.</summary>
public sealed partial class AssistanceService
{
    public override async Task<ListHistoryEntriesResponse> ListHistoryEntries(ListHistoryEntriesRequest request, ServerCallContext context)
    {
        var stored = await GetExistingAsync(request.Parent, "parent", context);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var scope = $"{request.Parent}/historyEntries";
        var start = pageTokens.Decode(request.PageToken, scope) is { } token && long.TryParse(token, out var offset) && offset >= 0
            ? offset
            : request.PageToken.Length == 0 ? 0 : throw errors.InvalidArgument(PageTokens.PageTokenField, "is not a token this service issued.");
        var entries = await requests.GetHistoryAsync(stored.Id, start, pageSize + 1);
        var page = entries.Take(pageSize).OfType<StoredHistoryEntry>().ToList();
        var next = entries.Count > pageSize ? (start + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ListHistoryEntriesResponse
        {
            HistoryEntries = { page.Select(entry => ToMessage(request.Parent, entry)) },
            NextPageToken = PageTokens.Encode(next, scope),
        };
    }

    public override async Task<VerifyAssistanceRequestHistoryResponse> VerifyAssistanceRequestHistory(
        VerifyAssistanceRequestHistoryRequest request, ServerCallContext context)
    {
        var stored = await GetExistingAsync(request.Name, "name", context);
        if (request.Checkpoint is { } earlier)
        {
            checkpoints.EnsureGenuine(earlier, request.Name, "checkpoint", errors);
        }

        var entries = await requests.GetHistoryAsync(stored.Id, 0, -1);
        var broken = HistoryChain.FirstBrokenLink(entries, stored, request.Name)
            ?? (request.Checkpoint is { } checkpoint ? CheckpointExtension.DepartureFrom([.. entries.Select(entry => entry?.Hash)], checkpoint, HistoryChain.Genesis) : null);
        return new VerifyAssistanceRequestHistoryResponse
        {
            Intact = broken is null,
            CheckedEntries = entries.Count,
            FirstBrokenSequence = broken?.Sequence ?? 0,
            Problem = broken?.Problem ?? "",
            Checkpoint = broken is null ? checkpoints.Sign(request.Name, stored.HistoryLength, stored.HistoryHead) : null,
        };
    }

    private static HistoryEntry ToMessage(string parent, StoredHistoryEntry entry) => new()
    {
        Name = $"{parent}/historyEntries/{entry.Sequence}",
        Sequence = entry.Sequence,
        Actor = entry.Actor,
        Time = Timestamp.FromDateTimeOffset(entry.Time),
        Action = entry.Action,
        FromState = entry.FromState,
        ToState = entry.ToState,
        Reason = entry.Reason,
        PreviousHash = entry.PreviousHash,
        Hash = entry.Hash,
        ChainVersion = entry.ChainVersion,
        ContentDigest = entry.ContentDigest,
        ChangedFields = { entry.ChangedFields ?? [] },
        Subject = entry.Subject ?? "",
    };
}
