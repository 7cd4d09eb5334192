using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// The document and the services' real REST routes are the same set: every route JSON
/// transcoding serves is reached by exactly the documented operation of its rpc, and every
/// documented operation reaches a route.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OpenApiRouteCoverageTests(SuiteFixture suite)
{
    [Fact]
    public async Task Every_rest_route_of_the_services_is_documented_and_nothing_else()
    {
        var operations = DocumentedOperation.AllOf(await DocumentedOperation.FetchDocumentAsync(suite.GatewayRestAddress));
        await using var table = await ServiceRouteTable.StartAsync();

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var (route, rpc) = await table.MatchAsync(operation.Method, operation.SamplePath);
            if (route is null || rpc is null || !operation.OperationId.StartsWith(rpc, StringComparison.Ordinal))
            {
                wrong.Add($"{operation.Verb} {operation.Path} ({operation.OperationId}) reaches {route ?? "no route"} ({rpc ?? "no rpc"})");
                continue;
            }

            reached.Add(route);
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Empty(table.Routes.Except(reached).Order(StringComparer.Ordinal));
        Assert.Equal(table.Routes.Count, operations.Count);
    }
}
