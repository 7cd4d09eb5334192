using System.Text.Json;
using System.Text.Json.Nodes;
using CapacityBuilding.Gateway.Security;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Configuration;
using AssistanceService = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;
using FundingService = CapacityBuilding.Contracts.Funding.V1.FundingService;
using TrainingService = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// The REST contract for integrators: <c>/openapi/v1.json</c>, built from the services'
/// contracts the gateway compiles anyway (it serves reflection from them), with their comments,
/// so it needs no call to a service; and the interactive reference page (<see cref="ApiReferenceOptions"/>),
/// Swagger UI whose assets come embedded in its package, never from a CDN. Both are endpoints of
/// the gateway's own, beside the proxy, open to anyone under the public rate limit.
/// </summary>
public static partial class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";

    private static readonly Google.Protobuf.Reflection.ServiceDescriptor[] RestServices =
    [
        AssistanceService.Descriptor,
        TrainingService.Descriptor,
        FundingService.Descriptor,
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // The page's own scripts and styles (Swagger UI sets inline styles), and calls to this origin only.
    private const string ReferencePagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSuiteOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ApiReferenceOptions, ApiReferenceOptionsValidator>(builder.Configuration, ApiReferenceOptions.SectionName);
        return builder;
    }

    public static WebApplication MapSuiteOpenApi(this WebApplication app)
    {
        var routes = app.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes;
        var publicPaths = routes.Where(PublicRoutes.IsPublic).Select(route => route.Match.Path).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var document = SuiteOpenApiDocument.Build(ContractDescriptions.Of(RestServices), publicPaths);
        var json = JsonSerializer.SerializeToUtf8Bytes(document, Indented);
        var operations = CountOperations(document);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenApiEndpoints));
        LogDocumentBuilt(logger, operations, DocumentPath);

        app.MapGet(DocumentPath, () => Results.Bytes(json, "application/json"))
            .AllowAnonymous()
            .RequireCors(PublicRoutes.CorsPolicyName)
            .RequireRateLimiting(CallerRateLimiting.PublicPolicyName);

        var options = app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value;
        if (options.IsEnabled(app.Environment))
        {
            MapReferencePage(app, options.Path);
            LogReferencePageServed(logger, options.Path);
        }

        return app;
    }

    private static void MapReferencePage(WebApplication app, string path)
    {
        var page = ((IApplicationBuilder)app).New()
            .Use(async (context, next) =>
            {
                context.Response.Headers[HeaderNames.ContentSecurityPolicy] = ReferencePagePolicy;
                await next(context);
            })
            .UseSwaggerUI(ui =>
            {
                ui.RoutePrefix = path.TrimStart('/');
                ui.DocumentTitle = "CapacityBuilding REST API";
                ui.SwaggerEndpoint(DocumentPath, "v1");
                // Swagger UI would otherwise send the document to validator.swagger.io.
                ui.ConfigObject.ValidatorUrl = null;
                ui.EnableTryItOutByDefault();
            })
            .Build();
        app.Map(path, page).AllowAnonymous().RequireRateLimiting(CallerRateLimiting.PublicPolicyName);
        app.Map(path + "/{**asset}", page).AllowAnonymous().RequireRateLimiting(CallerRateLimiting.PublicPolicyName);
    }

    private static int CountOperations(JsonObject document) =>
        document["paths"]!.AsObject().Sum(path => path.Value!.AsObject().Count);

    [LoggerMessage(EventId = EventIds.OpenApiDocumentBuilt, Level = LogLevel.Information, Message = "OpenAPI document of {Operations} REST operations served at {Path}")]
    private static partial void LogDocumentBuilt(ILogger logger, int operations, string path);

    [LoggerMessage(EventId = EventIds.ApiReferencePageServed, Level = LogLevel.Information, Message = "Interactive API reference served at {Path}")]
    private static partial void LogReferencePageServed(ILogger logger, string path);
}
