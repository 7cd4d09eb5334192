using System.Collections.Concurrent;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// The assistance service as training sees it, in the test: every request is an approved one of
/// Ghana, and the steps training records are kept in order, or refused with <see cref="RefusalCode"/>
/// (UNAVAILABLE: assistance away) while <see cref="Refusing"/>, so a test can watch a step wait and
/// arrive, or be parked; every attempt, refused or not, is kept in <see cref="Attempts"/>.
/// </summary>
public sealed class AssistanceStandIn : AssistanceService.AssistanceServiceBase, IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordDeliveryEventRequest> recorded = new();
    private readonly ConcurrentQueue<RecordDeliveryEventRequest> attempts = new();
    private WebApplication? app;

    public bool Refusing { get; set; } = true;

    public StatusCode RefusalCode { get; set; } = StatusCode.Unavailable;

    /// <summary>The ErrorInfo reason the refusals carry, as assistance's would; none when null.</summary>
    public string? RefusalReason { get; set; }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordDeliveryEventRequest> Recorded => [.. recorded];

    public IReadOnlyList<RecordDeliveryEventRequest> Attempts => [.. attempts];

    /// <summary>
    /// A training process's configuration pointing it at this stand-in, in a Redis database of its
    /// own: the suite's training shares the fixture's database, and its worker would send these
    /// events' steps to the real assistance, which does not know their requests and refuses them
    /// for good (parking the events under the test's feet).
    /// </summary>
    public Dictionary<string, string> TrainingConfiguration(SuiteFixture suite) => new(SuiteFixture.TrainingDirectTo(Address))
    {
        ["Redis__ConnectionString"] = suite.Redis.ConnectionString + ",defaultDatabase=3",
    };

    public static async Task<AssistanceStandIn> StartAsync()
    {
        var standIn = new AssistanceStandIn();
        var (builder, address) = LoopbackHttp2App.CreateBuilder();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(standIn);
        var app = builder.Build();
        app.MapGrpcService<AssistanceStandIn>();
        await app.StartAsync();
        standIn.app = app;
        standIn.Address = address;
        return standIn;
    }

    public override Task<GetAssistanceRequestResponse> GetAssistanceRequest(GetAssistanceRequestRequest request, ServerCallContext context) =>
        Task.FromResult(new GetAssistanceRequestResponse
        {
            AssistanceRequest = new AssistanceRequest { Name = request.Name, RequestingState = "GHA", State = RequestState.Approved },
        });

    public override Task<RecordDeliveryEventResponse> RecordDeliveryEvent(RecordDeliveryEventRequest request, ServerCallContext context)
    {
        attempts.Enqueue(request);
        if (Refusing)
        {
            throw RefusalReason is null
                ? new RpcException(new Status(RefusalCode, "The stand-in refuses."))
                : new Google.Rpc.Status
                {
                    Code = (int)RefusalCode,
                    Message = "The stand-in refuses.",
                    Details = { Any.Pack(new Google.Rpc.ErrorInfo { Reason = RefusalReason, Domain = "assistance.capacitybuilding.unodc.org" }) },
                }.ToRpcException();
        }

        recorded.Enqueue(request);
        return Task.FromResult(new RecordDeliveryEventResponse());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
