namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>A path parameter: its name in the OpenAPI path and the request field it fills.</summary>
public sealed record PathParameter(string Name, string FieldPath, string Description);

/// <summary>
/// A <c>google.api.http</c> path template (<c>/v1/{name=donors/*/pledges/*}:verifyLedger</c>) as an
/// OpenAPI path (<c>/v1/donors/{donor}/pledges/{pledge}:verifyLedger</c>), with the request fields
/// it binds: JSON transcoding takes those fields from the path, never from the query or body.
/// </summary>
public sealed record PathTemplate(string OpenApiPath, IReadOnlyList<PathParameter> Parameters, IReadOnlySet<string> BoundFieldPaths)
{
    public static PathTemplate Parse(string template, ResourcePatterns patterns)
    {
        var (segments, verb) = Split(template);
        var path = new List<string>();
        var parameters = new List<PathParameter>();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            if (!segment.StartsWith('{'))
            {
                path.Add(segment);
                continue;
            }

            var variable = segment[1..^1];
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            var fieldPath = equals < 0 ? variable : variable[..equals];
            bound.Add(fieldPath);
            if (equals < 0)
            {
                var name = JsonNames.LowerCamel(fieldPath.Split('.')[^1]);
                parameters.Add(new PathParameter(name, fieldPath, $"The request's `{fieldPath}`."));
                path.Add($"{{{name}}}");
                continue;
            }

            var wildcards = variable[(equals + 1)..];
            var names = new Queue<string>(patterns.NamesOf(wildcards));
            var resourceName = ResourceName(wildcards, patterns);
            foreach (var part in wildcards.Split('/'))
            {
                if (part is not ("*" or "**"))
                {
                    path.Add(part);
                    continue;
                }

                var name = Unique(names.Dequeue(), parameters);
                parameters.Add(new PathParameter(name, fieldPath, $"With the path's other segments, makes the request's `{fieldPath}`: `{resourceName}`."));
                path.Add($"{{{name}}}");
            }
        }

        return new PathTemplate("/" + string.Join('/', path) + (verb is null ? "" : ":" + verb), parameters, bound);
    }

    private static string ResourceName(string wildcards, ResourcePatterns patterns)
    {
        var names = new Queue<string>(patterns.NamesOf(wildcards));
        return string.Join('/', wildcards.Split('/').Select(part => part is "*" or "**" ? $"{{{names.Dequeue()}}}" : part));
    }

    private static string Unique(string name, List<PathParameter> parameters)
    {
        var candidate = name;
        for (var suffix = 2; parameters.Any(parameter => parameter.Name == candidate); suffix++)
        {
            candidate = name + suffix;
        }

        return candidate;
    }

    /// <summary>The template's segments (a variable with its own slashes stays one) and its custom verb.</summary>
    private static (List<string> Segments, string? Verb) Split(string template)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        var depth = 0;
        string? verb = null;
        for (var i = 1; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }

            if (depth == 0 && c == '/')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else if (depth == 0 && c == ':')
            {
                verb = template[(i + 1)..];
                break;
            }
            else
            {
                current.Append(c);
            }
        }

        segments.Add(current.ToString());
        return (segments, verb);
    }
}
