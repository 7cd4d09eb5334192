using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.DemoData.Converging;

/// <summary>
/// Creates demo records so that a load converges on a store an earlier version of the demo filled.
/// Every create carries the request id <c>demo:{key}</c>, and the services remember the fingerprint
/// of the create that first used it (AIP-155): the same content replays the earlier answer, but
/// content this version changed is refused with ALREADY_EXISTS, naming nothing. The earlier record
/// is then found among its neighbours by what identifies it (<see cref="DemoRecord{T}.IsEarlier"/>)
/// and brought to this version's content by the resource's own Update, the fields that differ with
/// its etag; where the API edits no such record, or the record has moved on (a request past its
/// draft), it is kept as it is and a line says so. Never a second record for one entry, and never
/// a stop: only when even the identifying field changed can nothing tell the earlier record apart,
/// and then the entry is created under a request id that carries its content's hash, and the line
/// names the earlier record left behind as unknown.
/// </summary>
public sealed class DemoRecords(TextWriter output)
{
    private const string RequestIdPrefix = "demo:";
    private const string NameField = "name";
    private const string EtagField = "etag";

    /// <summary>How many records were found as an earlier version left them rather than created or replayed: updated or kept.</summary>
    public int Converged { get; private set; }

    public async Task<T> CreateAsync<T>(DemoRecord<T> record, CancellationToken cancellationToken)
        where T : class, IMessage<T>, new()
    {
        var what = $"creating {record.Kind} '{record.Key}'";
        try
        {
            return await GatewayCall.RunAsync(what, options => record.Create(RequestIdPrefix + record.Key, options), cancellationToken);
        }
        catch (DemoDataException e) when (e.InnerException is RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            Converged++;
            return await FindAsync(record, cancellationToken) is { } earlier
                ? await ConvergeAsync(record, earlier, cancellationToken)
                : await CreateAnewAsync(record, cancellationToken);
        }
    }

    private static async Task<T?> FindAsync<T>(DemoRecord<T> record, CancellationToken cancellationToken)
        where T : class, IMessage<T>, new()
    {
        var token = "";
        do
        {
            var page = await GatewayCall.RunAsync(
                $"looking for the {record.Kind} '{record.Key}' an earlier version loaded", options => record.ListPage(token, options), cancellationToken);
            if (page.Items.FirstOrDefault(record.IsEarlier) is { } earlier)
            {
                return earlier;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return null;
    }

    private async Task<T> ConvergeAsync<T>(DemoRecord<T> record, T earlier, CancellationToken cancellationToken)
        where T : class, IMessage<T>, new()
    {
        var changed = ChangedFields(record.Content, earlier);
        if (changed.Paths.Count == 0 || record.Update is null)
        {
            var why = changed.Paths.Count == 0 ? "its content is this version's" : $"this version changes {string.Join(", ", changed.Paths)}, which the API does not edit";
            await output.WriteLineAsync($"{record.Kind} '{record.Key}': kept as an earlier version loaded it ({why})");
            return earlier;
        }

        var updated = record.Content.Clone();
        CopyField(earlier, updated, NameField);
        CopyField(earlier, updated, EtagField);
        try
        {
            var result = await GatewayCall.RunAsync($"updating {record.Kind} '{record.Key}' to this version's content",
                options => record.Update(updated, changed, options), cancellationToken);
            await output.WriteLineAsync($"{record.Kind} '{record.Key}': updated to this version's content ({string.Join(", ", changed.Paths)})");
            return result;
        }
        catch (DemoDataException e) when (e.InnerException is RpcException { StatusCode: StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.InvalidArgument } refusal)
        {
            // The record has moved on since (a request past its draft, an event delivered): its state decides, not the demo.
            await output.WriteLineAsync($"{record.Kind} '{record.Key}': kept as it is, its state has moved on ({refusal.StatusCode}: {refusal.Status.Detail})");
            return earlier;
        }
    }

    private async Task<T> CreateAnewAsync<T>(DemoRecord<T> record, CancellationToken cancellationToken)
        where T : class, IMessage<T>, new()
    {
        var requestId = $"{RequestIdPrefix}{record.Key}@{Convert.ToHexStringLower(SHA256.HashData(record.Content.ToByteArray()))[..12]}";
        await output.WriteLineAsync(
            $"{record.Kind} '{record.Key}': an earlier version's record was not found by what identifies it (changed too), so it is created as {requestId}; the earlier one stays");
        return await GatewayCall.RunAsync($"creating {record.Kind} '{record.Key}' as {requestId}", options => record.Create(requestId, options), cancellationToken);
    }

    /// <summary>The top-level fields this version sets to something other than the earlier record holds (AIP-134 paths).</summary>
    public static FieldMask ChangedFields<T>(T content, T earlier)
        where T : class, IMessage<T>, new()
    {
        var unset = new T();
        var mask = new FieldMask();
        foreach (var field in content.Descriptor.Fields.InDeclarationOrder().Where(field => field.Name is not (NameField or EtagField)))
        {
            var value = field.Accessor.GetValue(content);
            if (!Equals(value, field.Accessor.GetValue(unset)) && !Equals(value, field.Accessor.GetValue(earlier)))
            {
                mask.Paths.Add(field.Name);
            }
        }

        return mask;
    }

    private static void CopyField(IMessage from, IMessage to, string name)
    {
        if (from.Descriptor.FindFieldByName(name) is { } field)
        {
            field.Accessor.SetValue(to, field.Accessor.GetValue(from));
        }
    }
}
