using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// Asks funding, as the assistance service, to close a request to funding before it is withdrawn,
/// and to take that closure back when the withdrawal fails (funding's <c>RequestClosures</c>).
/// Funding refuses to close while money allocated to the request is not yet paid out: that refusal is our caller's
/// FAILED_PRECONDITION, in our own words.
/// </summary>
public sealed partial class FundingClosures(ServiceClientFactory<FundingAsServiceClient> funding, ApiErrors errors, ILogger<FundingClosures> logger)
{
    public async Task CloseAsync(string requestName, string closureId, CancellationToken cancellationToken)
    {
        try
        {
            await funding.Create().CloseRequestFundingAsync(
                new CloseRequestFundingRequest { AssistanceRequest = requestName, ClosureId = closureId }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (IsRefusal(exception))
        {
            var active = exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata.GetValueOrDefault("active_allocations") ?? "";
            throw errors.FailedPrecondition(ErrorReasons.RequestHasActiveAllocations,
                $"{requestName} has money allocated to it and not yet paid out; a coordinator must release its allocations before it can be withdrawn.",
                new Dictionary<string, string> { ["active_allocations"] = active });
        }
    }

    /// <summary>Never throws: a closure that cannot be taken back is logged, and the request stays closed to funding.</summary>
    public async Task ReopenAsync(string requestName, string closureId)
    {
        // Not under the withdrawal's deadline and cancellation: the caller giving up is one of the
        // failures this repairs. Without the execution context, the client factory finds no
        // incoming call to take them from (the client's own call deadline still applies).
        Task reopening;
        using (ExecutionContext.SuppressFlow())
        {
            reopening = Task.Run(() => funding.Create().ReopenRequestFundingAsync(
                new ReopenRequestFundingRequest { AssistanceRequest = requestName, ClosureId = closureId }).ResponseAsync);
        }

        try
        {
            await reopening;
        }
        catch (RpcException exception)
        {
            LogReopenFailed(logger, requestName, closureId, exception.StatusCode);
        }
    }

    /// <summary>Whether funding refused to close because money is allocated: then nothing was closed.</summary>
    public static bool IsRefusal(RpcException exception) =>
        exception.StatusCode == StatusCode.FailedPrecondition
        && exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == ErrorReasons.RequestHasActiveAllocations;

    [LoggerMessage(EventId = EventIds.FundingReopenFailed, Level = LogLevel.Error,
        Message = "{RequestName} stays closed to funding: its withdrawal failed and closure {ClosureId} could not be taken back (funding answered {StatusCode})")]
    private static partial void LogReopenFailed(ILogger logger, string requestName, string closureId, StatusCode statusCode);
}
