using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>One operation of the gateway's OpenAPI document, with a concrete URL to call it at.</summary>
public sealed partial record DocumentedOperation(string Path, string Verb, JsonObject Operation)
{
    public const string DocumentPath = "/openapi/v1.json";

    public string OperationId => Operation["operationId"]!.GetValue<string>();

    public HttpMethod Method => new(Verb.ToUpperInvariant());

    public bool IsPublic => Operation["security"] is JsonArray { Count: 0 };

    public JsonNode? BodySchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"];

    /// <summary>The path with each parameter filled in (<c>x1</c>, <c>x2</c>...): ids that exist nowhere.</summary>
    public string SamplePath
    {
        get
        {
            var count = 0;
            return Parameter().Replace(Path, _ => $"x{++count}");
        }
    }

    public static async Task<JsonObject> FetchDocumentAsync(Uri gateway)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway };
        return (await anonymous.GetFromJsonAsync<JsonObject>(new Uri(DocumentPath, UriKind.Relative)))!;
    }

    public static IReadOnlyList<DocumentedOperation> AllOf(JsonObject document) =>
    [
        .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(operation => new DocumentedOperation(path.Key, operation.Key, operation.Value!.AsObject()))),
    ];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
