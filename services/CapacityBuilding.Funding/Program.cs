using CapacityBuilding.Funding.Extensions;
using CapacityBuilding.Funding.Grpc;
using CapacityBuilding.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FundingApp.Name);
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<FundingService>();
app.MapDefaultEndpoints();
app.Run();
