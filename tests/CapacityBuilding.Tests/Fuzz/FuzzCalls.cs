using System.Globalization;
using CapacityBuilding.Tests.Infrastructure;
using FsCheck;
using Google.Protobuf;
using Grpc.Core;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// Sends sampled requests and holds every answer to what all our methods promise: a success, or
/// a deliberate error (never INTERNAL or UNKNOWN, never DEADLINE_EXCEEDED from a stalled call, never a refusal by the permission table, which
/// would mean the fuzzing never reached validation), INVALID_ARGUMENT naming at least one field,
/// and a refused call writing nothing at all.
/// </summary>
/// <remarks>
/// "Nothing at all" is Redis' own count of changes since the last save
/// (<c>rdb_changes_since_last_save</c>; the tests' server never saves), so it covers every key
/// of every service, not only the resource the call names. Tests of the suite collection run one
/// at a time, so nothing else writes meanwhile.
/// </remarks>
internal sealed class FuzzCalls(IServer redis)
{
    private static readonly StatusCode[] NeverAnswered = [StatusCode.Internal, StatusCode.Unknown, StatusCode.Unauthenticated, StatusCode.DeadlineExceeded];

    /// <summary>
    /// Calls <paramref name="call"/> with each sample. When it is refused, nothing was written
    /// and, if given, <paramref name="target"/> (the resource the request would change, read back)
    /// is as it was. A successful call checks its own round trip inside <paramref name="call"/>.
    /// </summary>
    public async Task CheckAsync<TRequest>(
        Gen<TRequest> requests,
        Func<TRequest, Task> call,
        Func<TRequest, Task<IMessage?>>? target = null,
        int cases = FuzzValues.CasesPerMethod)
    {
        foreach (var request in FuzzValues.Sample(requests, cases))
        {
            var before = target is null ? null : await target(request);
            var changes = await ChangesAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await call(request);
            }
            catch (RpcException exception)
            {
                AssertDeliberate(exception, request, clock.Elapsed);
                Assert.True(changes == await ChangesAsync(), $"{exception.StatusCode} ({exception.Status.Detail}) but Redis was written, for {request}");
                if (target is not null)
                {
                    Assert.Equal(before, await target(request));
                }
            }
        }
    }

    /// <summary>The resource <paramref name="get"/> reads, or null when it does not exist or the name is not one.</summary>
    public static async Task<IMessage?> ReadOrNullAsync(Func<Task<IMessage>> get)
    {
        try
        {
            return await get();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.PermissionDenied)
        {
            return null;
        }
    }

    private static void AssertDeliberate<TRequest>(RpcException exception, TRequest request, TimeSpan elapsed)
    {
        Assert.False(NeverAnswered.Contains(exception.StatusCode), $"{exception.StatusCode} ({exception.Status.Detail}) after {elapsed.TotalSeconds:0.0} s for {request}");
        Assert.False(exception.StatusCode == StatusCode.PermissionDenied && exception.Status.Detail.StartsWith("The role ", StringComparison.Ordinal),
            $"the permission table refused {request}: fuzz with a role the method allows");
        if (exception.StatusCode == StatusCode.InvalidArgument)
        {
            var fields = exception.ViolatedFields();
            Assert.True(fields.Count > 0 && fields.All(field => field.Length > 0),
                $"INVALID_ARGUMENT without field violations ({exception.Status.Detail}) for {request}");
        }
    }

    private async Task<long> ChangesAsync()
    {
        var persistence = await redis.InfoAsync("persistence");
        var changes = persistence.SelectMany(section => section).Single(pair => pair.Key == "rdb_changes_since_last_save").Value;
        return long.Parse(changes, CultureInfo.InvariantCulture);
    }
}
