using System.Text.Json.Nodes;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3.0 document of the suite's REST surface, built from the services' descriptors and
/// their <c>google.api.http</c> annotations: one operation per binding, as JSON transcoding serves
/// it behind the gateway, described in the protos' own comments. Built once, at start.
/// </summary>
public static class SuiteOpenApiDocument
{
    private const string BearerScheme = "bearer";

    private const string Conventions = """
        The REST face of the suite's gRPC services (gRPC JSON transcoding), behind the gateway. The same
        methods are served over gRPC (port 8081 locally); the contracts are the `.proto` files under `protos/`.

        - JSON follows the proto3 JSON mapping: lowerCamelCase field names, enums by name
          (`STATE_DRAFT`), 64-bit integers as strings (`"units": "4000000"`), `google.protobuf.Timestamp`
          as RFC 3339 text, `google.type.Date` as `{"year", "month", "day"}`, `google.type.Money` as
          `{"currencyCode", "units", "nanos"}`.
        - Partial updates (PATCH) take an `updateMask` query parameter: comma-separated lowerCamelCase
          paths of the fields to change; an `etag` from the last read makes the update fail with 409 if
          someone changed the resource since.
        - Creates take a `requestId` query parameter: a retry with the same id returns what the first
          call created (AIP-155).
        - Lists take `pageSize` and `pageToken` and answer `nextPageToken` (empty on the last page).
        - Every call needs a bearer token (a JWT from the suite's identity provider) except the public
          routes (`/v1/public/...`).
        - Every error is a `google.rpc.Status` with exactly one `google.rpc.ErrorInfo` detail; branch on its
          `reason`.
        """;

    public static JsonObject Build(IReadOnlyList<ServiceDescriptor> services, IReadOnlySet<string> publicPaths)
    {
        var files = services.Select(service => service.File).ToList();
        var patterns = new ResourcePatterns(files.Concat(files.SelectMany(file => file.Dependencies)).Distinct());
        var schemas = new ProtoJsonSchemas();
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var binding in services.SelectMany(HttpBinding.Of))
        {
            var template = PathTemplate.Parse(binding.Template, patterns);
            if (!paths.TryGetValue(template.OpenApiPath, out var item))
            {
                item = new JsonObject();
                paths[template.OpenApiPath] = item;
            }

            item[binding.Verb] = Operation(binding, template, publicPaths.Contains(template.OpenApiPath), schemas);
        }

        var componentSchemas = new JsonObject();
        var componentResponses = new JsonObject();
        ErrorModel.AddComponents(schemas, componentSchemas, componentResponses);
        foreach (var (name, schema) in schemas.Components)
        {
            componentSchemas[name] = schema;
        }

        var pathItems = new JsonObject();
        foreach (var (path, item) in paths)
        {
            pathItems[path] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "CapacityBuilding REST API",
                ["version"] = "v1",
                ["description"] = Conventions,
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() }),
            ["tags"] = new JsonArray([.. services.Select(Tag)]),
            ["paths"] = pathItems,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "A token from the suite's identity provider; its role decides what the caller may do (docs/security.md).",
                    },
                },
                ["schemas"] = componentSchemas,
                ["responses"] = componentResponses,
            },
        };
    }

    private static JsonObject Operation(HttpBinding binding, PathTemplate template, bool isPublic, ProtoJsonSchemas schemas)
    {
        var method = binding.Method;
        var parameters = new JsonArray();
        foreach (var parameter in template.Parameters)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = parameter.Name,
                ["in"] = "path",
                ["required"] = true,
                ["description"] = parameter.Description,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        foreach (var parameter in QueryParameters.Of(method.InputType, template.BoundFieldPaths, binding.Body, schemas))
        {
            parameters.Add(parameter);
        }

        var operation = new JsonObject
        {
            ["operationId"] = binding.OperationId,
            ["tags"] = new JsonArray(method.Service.Name),
        };
        if (ProtoComments.Of(method.Declaration) is { } comment)
        {
            operation["summary"] = comment.ReplaceLineEndings(" ").Split(". ", 2)[0].TrimEnd('.');
            operation["description"] = comment;
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (binding.Body.Length > 0)
        {
            var bodySchema = binding.Body == "*"
                ? schemas.Without(method.InputType, template.BoundFieldPaths)
                : schemas.For(method.InputType.FindFieldByName(binding.Body));
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = bodySchema } },
            };
        }

        var responseSchema = binding.ResponseBody.Length > 0
            ? schemas.For(method.OutputType.FindFieldByName(binding.ResponseBody))
            : schemas.For(method.OutputType);
        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = responseSchema } },
            },
        };
        foreach (var (status, answer) in ErrorModel.ResponsesFor(isPublic, binding.Body.Length > 0))
        {
            responses[status] = answer;
        }

        operation["responses"] = responses;
        if (isPublic)
        {
            // No token: the gateway calls the service as itself (docs/transparency.md).
            operation["security"] = new JsonArray();
        }

        if (method.GetOptions()?.Deprecated == true)
        {
            operation["deprecated"] = true;
        }

        return operation;
    }

    private static JsonObject Tag(ServiceDescriptor service)
    {
        var tag = new JsonObject { ["name"] = service.Name };
        if (ProtoComments.Of(service.Declaration) is { } description)
        {
            tag["description"] = description;
        }

        return tag;
    }
}
