using CapacityBuilding.Gateway.Extensions;

// The slim builder, as the bare YARP it is measured against (docs/benchmarks.md, case 12): the
// full one adds the Debug and EventSource loggers, which every log call asks, IIS integration,
// static web assets and regular-expression route constraints, none of which the gateway uses.
// Both read the same configuration sources and add the same host filtering (AllowedHosts).
// AddGatewayServices adds back the one thing it uses: TLS endpoints from configuration.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddGatewayServices();

var app = builder.Build();
app.MapGatewayEndpoints();
app.Run();
