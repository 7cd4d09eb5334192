using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// How every REST error looks (AIP-193, README "Errors"): a <c>google.rpc.Status</c> as JSON,
/// <c>{"code", "message", "details"}</c>, whose details carry exactly one ErrorInfo (reason and
/// domain) and, where they help, a BadRequest naming each bad field or a ResourceInfo. Each
/// detail names its type in <c>@type</c>, as google.protobuf.Any does in JSON.
/// </summary>
public static class ErrorModel
{
    public const string StatusSchema = "google.rpc.Status";

    /// <summary>The details our services send (ApiErrors); a client may meet no other.</summary>
    private static readonly MessageDescriptor[] Details = [ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor];

    /// <summary>HTTP statuses the suite answers with a Status, and when (README "Errors").</summary>
    private static readonly (string Status, string Name, string Description)[] Answers =
    [
        ("400", "InvalidArgument", "INVALID_ARGUMENT (a BadRequest names every bad field) or FAILED_PRECONDITION (the resource is in the wrong state; the ErrorInfo's reason says which)."),
        ("401", "Unauthenticated", "UNAUTHENTICATED: no token, or one that is expired, badly signed or names no caller."),
        ("403", "PermissionDenied", "PERMISSION_DENIED: the caller's role may not call this method."),
        ("404", "NotFound", "NOT_FOUND: the resource does not exist or is not the caller's to see (a ResourceInfo names it)."),
        ("409", "Conflict", "ABORTED (a stale `etag`: read again and retry) or ALREADY_EXISTS."),
        ("413", "PayloadTooLarge", "RESOURCE_EXHAUSTED: the body is over 1 MiB."),
        ("429", "TooManyRequests", "RESOURCE_EXHAUSTED: over the rate limit; `Retry-After` says when to try again."),
        ("503", "Unavailable", "UNAVAILABLE: storage or another service is unreachable; retry (creates with the same `requestId`)."),
        ("504", "DeadlineExceeded", "DEADLINE_EXCEEDED: no answer within the gateway's deadline."),
        ("500", "Internal", "INTERNAL: a bug, logged with its trace id; no exception text reaches the caller."),
    ];

    public static void AddComponents(ProtoJsonSchemas schemas, JsonObject componentSchemas, JsonObject componentResponses)
    {
        var detailSchemas = new JsonArray();
        var mapping = new JsonObject();
        foreach (var detail in Details)
        {
            var typeUrl = "type.googleapis.com/" + detail.FullName;
            var name = detail.FullName + "Detail";
            componentSchemas[name] = new JsonObject
            {
                ["allOf"] = new JsonArray(
                    schemas.For(detail),
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("@type"),
                        ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(typeUrl) } },
                    }),
            };
            detailSchemas.Add(ProtoJsonSchemas.Reference(name));
            mapping[typeUrl] = "#/components/schemas/" + name;
        }

        componentSchemas[StatusSchema] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The error of every failed call (AIP-193): the gRPC status code, a message for people, and details for programs. Branch on the ErrorInfo's `reason`, never on the message.",
            ["required"] = new JsonArray("code", "message"),
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "The gRPC status code (google.rpc.Code), e.g. 3 for INVALID_ARGUMENT." },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["details"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["oneOf"] = detailSchemas,
                        ["discriminator"] = new JsonObject { ["propertyName"] = "@type", ["mapping"] = mapping },
                    },
                },
            },
        };

        foreach (var (_, name, description) in Answers)
        {
            componentResponses[name] = new JsonObject
            {
                ["description"] = description,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = ProtoJsonSchemas.Reference(StatusSchema) },
                },
            };
        }
    }

    /// <summary>The error answers of one operation: no 401/403 where no token is needed, no 413 without a body.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> ResponsesFor(bool isPublic, bool hasBody) => Answers
        .Where(answer => !(isPublic && answer.Status is "401" or "403"))
        .Where(answer => hasBody || answer.Status != "413")
        .Select(answer => KeyValuePair.Create(answer.Status, (JsonNode?)new JsonObject { ["$ref"] = "#/components/responses/" + answer.Name }));
}
