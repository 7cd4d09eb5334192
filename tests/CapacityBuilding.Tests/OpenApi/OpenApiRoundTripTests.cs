using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// Every documented body is one the services take. Built from nothing but the document's schema,
/// it is read by Google.Protobuf's strict JSON parser as the proto message the operation takes
/// (an unknown or misnamed field, a wrong type, an enum name or a timestamp format the proto
/// lacks all fail there: the transcoder itself skips unknown fields), and, sent through the
/// gateway at the documented path, it is answered by the service's own code: a success, or an
/// error in the suite's model (a Status with an ErrorInfo), never the transcoder's refusal of a
/// body it cannot parse, which has no ErrorInfo. The caller is an auditor, who may read everything
/// and change nothing, so writes stop at the permission check after the body was parsed, and the
/// shared data stays as it was.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OpenApiRoundTripTests(SuiteFixture suite)
{
    [Fact]
    public async Task Every_operation_accepts_a_body_built_from_its_documented_schema()
    {
        var document = await DocumentedOperation.FetchDocumentAsync(suite.GatewayRestAddress);
        var samples = new SampleBodies(document);
        using var auditor = suite.RestClient(suite.Tokens.Mint(CallerRole.Auditor, "openapi-round-trip"));

        var refused = new List<string>();
        var bodies = 0;
        foreach (var operation in DocumentedOperation.AllOf(document))
        {
            using var request = new HttpRequestMessage(operation.Method, new Uri(operation.SamplePath, UriKind.Relative));
            if (operation.BodySchema is { } schema)
            {
                var body = samples.For(schema)!;
                if (ProtoJson.Refusal(operation, schema, body.ToJsonString()) is { } refusal)
                {
                    refused.Add($"{operation.Verb} {operation.Path} ({operation.OperationId}): the proto does not take {body.ToJsonString()}: {refusal}");
                }

                request.Content = JsonContent.Create(body);
                bodies++;
            }

            using var response = await auditor.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode && !IsServiceError(answer))
            {
                refused.Add($"{operation.Verb} {operation.SamplePath} ({operation.OperationId}): {(int)response.StatusCode} {answer}");
            }
        }

        Assert.True(refused.Count == 0, string.Join('\n', refused));
        Assert.True(bodies >= 40, $"only {bodies} operations with a body documented");
    }

    /// <summary>The control: a body of the wrong JSON type is refused without an ErrorInfo, so the check above can fail.</summary>
    [Fact]
    public async Task A_body_of_the_wrong_type_is_refused_by_the_transcoder()
    {
        using var auditor = suite.RestClient(suite.Tokens.Mint(CallerRole.Auditor, "openapi-round-trip"));

        using var response = await auditor.PostAsJsonAsync("/v1/donors", new JsonObject { ["displayName"] = new JsonObject { ["nested"] = true } });
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(IsServiceError(answer), answer);
    }

    private static bool IsServiceError(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.TryGetProperty("details", out var details)
                && details.EnumerateArray().Any(detail => detail.GetProperty("@type").GetString()!.EndsWith("/google.rpc.ErrorInfo", StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
