using CapacityBuilding.Portal.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalDefaults();
builder.AddPortalIdentity();
builder.AddPortalLocalization();
builder.AddPortalClients();
builder.AddPortalExports();
builder.AddPortalPages();

var app = builder.Build();
app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Run();
