using CapacityBuilding.Contracts.Transport;
using CapacityBuilding.DemoData;
using CapacityBuilding.DemoData.Files;
using Grpc.Core;
using Grpc.Net.Client;

// Usage: CAPACITYBUILDING_TOKEN=<coordinator token> CapacityBuilding.DemoData [gateway gRPC address] [donor id file],
// address default http://localhost:8081. run.sh mints the token with the DevTokens tool. When a donor id
// file is named, the id of the demo donor whose money funds requests is written there (run.sh mints
// a donor token for it; ids are made by the service, so only the loader knows it).
var token = Environment.GetEnvironmentVariable("CAPACITYBUILDING_TOKEN");
if (string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine("demo data: set CAPACITYBUILDING_TOKEN to a coordinator's bearer token.");
    return 2;
}

// Optional: focal points' tokens, one variable per country (CAPACITYBUILDING_FOCAL_POINT_TOKEN_GHA=<token>),
// to answer the demo offers made to that country and consent to publishing its requests the data
// marks (run.sh mints them for every country whose requests the data publishes or answers for).
const string FocalPointTokenPrefix = "CAPACITYBUILDING_FOCAL_POINT_TOKEN_";
var focalPointTokens = Environment.GetEnvironmentVariables().Keys.OfType<string>()
    .Where(variable => variable.StartsWith(FocalPointTokenPrefix, StringComparison.Ordinal))
    .Select(variable => (Country: variable[FocalPointTokenPrefix.Length..], Token: Environment.GetEnvironmentVariable(variable)))
    .Where(focalPoint => !string.IsNullOrWhiteSpace(focalPoint.Token))
    .ToList();

var address = args.Length > 0 ? args[0] : "http://localhost:8081";
if (!Uri.TryCreate(address, UriKind.Absolute, out var gateway))
{
    Console.Error.WriteLine($"demo data: '{address}' is not an absolute address such as http://localhost:8081.");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

try
{
    var data = DemoFiles.Read(Path.Combine(AppContext.BaseDirectory, "Data"));
    using var channel = ChannelWith(token);
    await GatewayReadiness.WaitAsync(channel, TimeSpan.FromSeconds(60), cancellation.Token);
    var focalPoints = focalPointTokens.ToDictionary(focalPoint => focalPoint.Country, focalPoint => ChannelWith(focalPoint.Token!), StringComparer.Ordinal);
    try
    {
        var result = await new DemoDataLoader(channel, Console.Out, focalPoints).LoadAsync(data, cancellation.Token);
        if (args.Length > 1)
        {
            await File.WriteAllTextAsync(args[1], result.FundingDonorId ?? "", cancellation.Token);
        }
    }
    finally
    {
        foreach (var focalPoint in focalPoints.Values)
        {
            focalPoint.Dispose();
        }
    }

    return 0;
}
catch (DemoDataException e)
{
    Console.Error.WriteLine($"demo data: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("demo data: cancelled; what was loaded stays, and a rerun completes it without duplicates.");
    return 130;
}

GrpcChannel ChannelWith(string bearer) => GrpcChannel.ForAddress(gateway, new()
{
    ThrowOperationCanceledOnCancellation = true,
    HttpHandler = Http2ClientHandler.Create(),
    DisposeHttpClient = true,
    Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("authorization", "Bearer " + bearer);
        return Task.CompletedTask;
    })),
    // Local runs speak cleartext HTTP/2 on loopback; behind TLS this switch is unnecessary.
    UnsafeUseInsecureChannelCallCredentials = gateway.Scheme == Uri.UriSchemeHttp,
});
