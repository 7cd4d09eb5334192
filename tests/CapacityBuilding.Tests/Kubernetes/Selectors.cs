using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>Kubernetes label selectors: <c>matchLabels</c>, <c>matchExpressions</c> (In, NotIn, Exists, DoesNotExist), or a Service's plain map.</summary>
internal static class Selectors
{
    /// <param name="matchLabelsOnly">A Service's selector: the map itself is the labels to match.</param>
    public static bool Selects(JsonNode? selector, JsonObject labels, bool matchLabelsOnly = false)
    {
        if (selector is null)
        {
            return false;
        }

        var matchLabels = matchLabelsOnly ? selector.AsObject() : selector["matchLabels"]?.AsObject();
        var labelsMatch = matchLabels is null || matchLabels.All(entry => labels[entry.Key]?.GetValue<string>() == entry.Value!.GetValue<string>());
        var expressions = matchLabelsOnly ? [] : selector["matchExpressions"]?.AsArray() ?? [];
        return labelsMatch && expressions.All(expression => Matches(expression!, labels));
    }

    private static bool Matches(JsonNode expression, JsonObject labels)
    {
        var value = labels[expression["key"]!.GetValue<string>()]?.GetValue<string>();
        var values = expression["values"]?.AsArray().Select(item => item!.GetValue<string>()).ToList() ?? [];
        return expression["operator"]!.GetValue<string>() switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            var other => throw new InvalidDataException($"Unknown selector operator {other}."),
        };
    }
}
