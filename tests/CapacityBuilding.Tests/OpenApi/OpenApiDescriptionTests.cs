using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>The document speaks in the protos' own comments: an rpc's, a message's, a field's.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class OpenApiDescriptionTests(SuiteFixture suite)
{
    [Fact]
    public async Task Operations_schemas_and_fields_carry_the_protos_comments()
    {
        var document = await DocumentedOperation.FetchDocumentAsync(suite.GatewayRestAddress);
        var createDonor = document["paths"]!["/v1/donors"]!["post"]!;
        var donor = document["components"]!["schemas"]!["capacitybuilding.funding.v1.Donor"]!;

        Assert.Equal("Registers a donor", createDonor["summary"]!.GetValue<string>());
        Assert.StartsWith("Registers a donor. A retry with the same `request_id`", createDonor["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("A state, multilateral body, foundation or company", donor["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 200 characters", donor["properties"]!["displayName"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
