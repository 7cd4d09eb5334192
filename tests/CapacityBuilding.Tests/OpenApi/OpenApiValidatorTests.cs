using System.Diagnostics;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// The served document passes an independent OpenAPI 3.0 validator, @apidevtools/swagger-parser
/// (schema and every $ref), run with Node from tools/openapi-validate (installed by ./test.sh).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OpenApiValidatorTests(SuiteFixture suite)
{
    private static readonly string ValidatorFolder = Path.Combine(RepositoryLayout.Root.FullName, "tools", "openapi-validate");

    [Fact]
    public async Task The_document_passes_an_independent_openapi_validator()
    {
        var document = await DocumentedOperation.FetchDocumentAsync(suite.GatewayRestAddress);
        var file = Path.Combine(Path.GetTempPath(), $"capacitybuilding-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var (exitCode, output) = await ValidateAsync(file);

            Assert.True(exitCode == 0, output);
            Assert.StartsWith("valid: OpenAPI 3.0.3", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The control: the validator refuses a document with a dangling reference.</summary>
    [Fact]
    public async Task The_validator_refuses_a_broken_document()
    {
        var document = await DocumentedOperation.FetchDocumentAsync(suite.GatewayRestAddress);
        document["components"]!["schemas"]!.AsObject().Remove("google.rpc.Status");
        var file = Path.Combine(Path.GetTempPath(), $"capacitybuilding-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var (exitCode, output) = await ValidateAsync(file);

            Assert.Equal(1, exitCode);
            Assert.Contains("google.rpc.Status", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string file)
    {
        Assert.True(Directory.Exists(Path.Combine(ValidatorFolder, "node_modules", "@apidevtools", "swagger-parser")),
            "The validator is not installed: run `npm ci --prefix tools/openapi-validate` (./test.sh does).");
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = ValidatorFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("validate.mjs");
        startInfo.ArgumentList.Add(file);
        using var node = Process.Start(startInfo)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (node.ExitCode, (await output + await errors).Trim());
    }
}
