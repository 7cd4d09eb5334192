using System.Globalization;
using System.Text.Json;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The steps of delivery events recorded on a request's history. Key, under the service's
/// <c>assistance:</c> prefix: <c>requests:{id}:delivery-steps</c>, a hash from a step
/// (<c>{event} {action}</c>) to the sequence of the history entry that records it, written in the
/// same script as the entry and the request (<c>Scripts/delivery-step-record.lua</c>), so that a
/// step is recorded once however often it is sent. The request and its history are
/// <see cref="RedisAssistanceRequestRepository"/>'s keys.
/// </summary>
public sealed class RedisDeliveryStepRepository(RedisKeyspace keyspace, RedisAssistanceRequestRepository requests)
{
    private readonly IDatabase database = keyspace.Database;

    /// <summary>The entry that recorded the step, or null when it was not recorded.</summary>
    public async Task<StoredHistoryEntry?> FindAsync(string id, string eventName, Action action)
    {
        var sequence = await database.HashGetAsync(StepsKeyOf(id), StepOf(eventName, action));
        return sequence.IsNull ? null : await EntryAsync(id, (long)sequence);
    }

    /// <summary>The entry numbered <paramref name="sequence"/> of the request's history.</summary>
    public async Task<StoredHistoryEntry> EntryAsync(string id, long sequence) =>
        (await requests.GetHistoryAsync(id, sequence - 1, 1)).SingleOrDefault()
        ?? throw new InvalidOperationException($"The delivery steps of request {id} name entry {sequence}, which cannot be read.");

    /// <summary>Writes <paramref name="updated"/> and its <paramref name="entry"/> recording the step, if <paramref name="current"/> is still the stored version and the step is new.</summary>
    public async Task<RecordStepOutcome> RecordAsync(StoredAssistanceRequest current, StoredAssistanceRequest updated, StoredHistoryEntry entry,
        string eventName, Action action)
    {
        RedisKey[] keys = [RedisAssistanceRequestRepository.KeyOf(current.Id), RedisAssistanceRequestRepository.HistoryKeyOf(current.Id), StepsKeyOf(current.Id)];
        RedisValue[] arguments =
        [
            current.Etag,
            JsonSerializer.SerializeToUtf8Bytes(updated, AssistanceJsonContext.Default.StoredAssistanceRequest),
            JsonSerializer.SerializeToUtf8Bytes(entry, AssistanceJsonContext.Default.StoredHistoryEntry),
            StepOf(eventName, action),
            entry.Sequence,
        ];
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.DeliveryStepRecord, keys, arguments);
        return reply.Status switch
        {
            "RECORDED" => new RecordStepOutcome.Recorded(),
            "EXISTING" => new RecordStepOutcome.Existing(long.Parse(reply.Text(0), CultureInfo.InvariantCulture)),
            "NOT_FOUND" => new RecordStepOutcome.NotFound(),
            "STALE" => new RecordStepOutcome.Stale(),
            _ => throw reply.Unexpected("delivery step record"),
        };
    }

    private static RedisKey StepsKeyOf(string id) => $"requests:{id}:delivery-steps";

    private static string StepOf(string eventName, Action action) => $"{eventName} {action}";
}
