using CapacityBuilding.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayServices();

var app = builder.Build();
app.MapGatewayEndpoints();
app.Run();
