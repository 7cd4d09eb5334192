using CapacityBuilding.ServiceDefaults;
using CapacityBuilding.Training.Extensions;
using CapacityBuilding.Training.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(TrainingApp.Name);
builder.AddApplicationServices();

var app = builder.Build();
app.MapGrpcService<TrainingService>();
app.MapDefaultEndpoints();
app.Run();
