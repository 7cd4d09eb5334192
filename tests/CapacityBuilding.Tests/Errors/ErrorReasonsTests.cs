using System.Reflection;
using System.Text.RegularExpressions;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.Tests.Errors;

/// <summary>The reasons callers branch on are UPPER_SNAKE (AIP-193) and each names one error.</summary>
public sealed partial class ErrorReasonsTests
{
    [Fact]
    public void Every_reason_is_upper_snake_and_unique()
    {
        var reasons = typeof(ErrorReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Matches(UpperSnake(), reason));
        Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();
}
