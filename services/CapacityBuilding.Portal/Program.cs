using CapacityBuilding.Portal.Extensions;
using CapacityBuilding.Portal.Import;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalDefaults();
builder.AddPortalIdentity();
builder.AddPortalLocalization();
builder.AddPortalClients();
builder.AddPortalExports();
builder.AddPortalPages();
builder.AddPortalImport();

var app = builder.Build();
app.UsePortalPipeline();
app.MapPortalEndpoints();
app.Run();
