using CapacityBuilding.Assistance.Extensions;
using CapacityBuilding.Assistance.Grpc;
using CapacityBuilding.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AssistanceApp.Name);
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<AssistanceService>();
app.MapDefaultEndpoints();
app.Run();
