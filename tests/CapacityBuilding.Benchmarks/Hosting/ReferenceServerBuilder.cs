namespace CapacityBuilding.Benchmarks.Hosting;

/// <summary>
/// The builder of the reference servers (cases 1 and 2). Their settings come from the command
/// line only: the harness references the gateway's and the services' web projects so that they
/// are built first, and MSBuild copies one of their appsettings.json into this bin, whose
/// Kestrel endpoints (8080/8081) would otherwise replace <c>--urls</c>.
/// </summary>
internal static class ReferenceServerBuilder
{
    public static WebApplicationBuilder Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddCommandLine(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }
}
