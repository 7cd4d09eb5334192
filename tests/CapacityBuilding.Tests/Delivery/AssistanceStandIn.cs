using System.Collections.Concurrent;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// The assistance service as training sees it, in the test: every request is an approved one of
/// Ghana, and the steps training records are kept in order, or refused with UNAVAILABLE while
/// <see cref="Refusing"/> (assistance away), so a test can watch a step wait and arrive.
/// </summary>
public sealed class AssistanceStandIn : AssistanceService.AssistanceServiceBase, IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordDeliveryEventRequest> recorded = new();
    private WebApplication? app;

    public bool Refusing { get; set; } = true;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordDeliveryEventRequest> Recorded => [.. recorded];

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
        if (Refusing)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The stand-in refuses for now."));
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
