using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CapacityBuilding.Tests.DaprStandIn.Resiliency;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// A gRPC app of the test's own behind the sidecar stand-in, for what the suite's services cannot
/// be made to do on demand: it answers every call with <see cref="Answer"/> (a status, after a
/// delay, with a reply of a given size), and keeps the metadata of every call it received and
/// the trace ASP.NET Core placed it in.
/// Its one method, <see cref="Method"/>, takes and returns raw bytes.
/// </summary>
public sealed class ScriptedApp : IAsyncDisposable
{
    public static readonly Method<byte[], byte[]> Method = new(MethodType.Unary, "test.v1.ScriptedService", "Call",
        Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(bytes => bytes, bytes => bytes));

    private readonly WebApplication app;
    private readonly ConcurrentQueue<IHeaderDictionary> received = new();
    private readonly ConcurrentQueue<ActivityContext> traces = new();

    private ScriptedApp(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Func<ScriptedAnswer> Answer { get; set; } = () => new ScriptedAnswer(StatusCode.OK);

    /// <summary>The request headers of every call that reached the app.</summary>
    public IReadOnlyCollection<IHeaderDictionary> Received => received;

    /// <summary>
    /// The values of one metadata name as the app reads them: a field per value from grpc-go
    /// (daprd), one field with the values joined by ", " from .NET's HTTP/2 client (the stand-in);
    /// a list-based field means the same either way (RFC 9110, section 5.3).
    /// </summary>
    public static string[] Values(IHeaderDictionary headers, string name) =>
        [.. headers[name].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>The parent of the server activity of every call (default when ASP.NET Core started a new trace or none).</summary>
    public IReadOnlyCollection<ActivityContext> Parents => traces;

    /// <param name="configure">Services of the app's own, e.g. how it reads trace context.</param>
    public static async Task<ScriptedApp> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var (builder, address) = Infrastructure.LoopbackHttp2App.CreateBuilder();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        var scripted = new ScriptedApp(app, address);
        app.Run(scripted.AnswerAsync);
        await app.StartAsync();
        return scripted;
    }

    public const string AppId = "scripted";
    public const string CallerAppId = "caller";

    /// <summary>
    /// The sidecar of an app "caller" that reaches this app as <see cref="AppId"/> under
    /// <paramref name="resiliency"/>, with no access control in the way (as daprd without one).
    /// </summary>
    internal Task<DaprSidecarStandIn> StartCallersSidecarAsync(string appApiToken, DaprResiliency resiliency) =>
        DaprSidecarStandIn.StartAsync(CallerAppId, new Dictionary<string, Uri> { [AppId] = Address }, appApiToken,
            DaprAccessControl.Of("capacitybuilding", [new DaprAppDefinition(CallerAppId, "grpc", null), new DaprAppDefinition(AppId, "grpc", null)]),
            resiliency);

    /// <summary>A channel to <paramref name="sidecar"/> without message size limits of its own, so that the sidecar's are the ones met.</summary>
    public static GrpcChannel ChannelTo(Uri sidecar) =>
        GrpcChannel.ForAddress(sidecar, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });

    /// <summary>Calls <see cref="Method"/> of <paramref name="calleeAppId"/> through the sidecar <paramref name="channel"/> points at.</summary>
    public static async Task<byte[]> CallAsync(GrpcChannel channel, string calleeAppId, byte[]? request = null, Metadata? metadata = null)
    {
        var headers = new Metadata { { "dapr-app-id", calleeAppId } };
        foreach (var entry in metadata ?? [])
        {
            headers.Add(entry);
        }

        return await channel.CreateCallInvoker().AsyncUnaryCall(Method, null, new CallOptions(headers), request ?? []);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        received.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(header => header.Key, header => header.Value, StringComparer.OrdinalIgnoreCase)));
        traces.Enqueue(Activity.Current is { ParentSpanId: var parent } activity && parent != default
            ? new ActivityContext(activity.TraceId, parent, ActivityTraceFlags.None)
            : default);
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        var answer = Answer();
        await Task.Delay(answer.Delay, context.RequestAborted);
        context.Response.ContentType = "application/grpc";
        if (answer.Status == StatusCode.OK)
        {
            var prefix = new byte[5];
            BinaryPrimitives.WriteUInt32BigEndian(prefix.AsSpan(1), (uint)answer.ReplySize);
            await context.Response.Body.WriteAsync(prefix, context.RequestAborted);
            await context.Response.Body.WriteAsync(new byte[answer.ReplySize], context.RequestAborted);
        }

        context.Response.AppendTrailer("grpc-status", ((int)answer.Status).ToString(CultureInfo.InvariantCulture));
    }
}

public sealed record ScriptedAnswer(StatusCode Status, int ReplySize = 0, TimeSpan Delay = default);
