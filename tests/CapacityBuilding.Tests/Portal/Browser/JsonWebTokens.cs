using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// Spots a JSON Web Token in text the browser holds: a JWT's header is base64url JSON, so it
/// starts with <c>eyJ</c> (<c>{"</c>), followed by two more dot-separated base64url parts.
/// </summary>
public static partial class JsonWebTokens
{
    public static IReadOnlyList<string> In(string text) => [.. Token().Matches(text).Select(match => match.Value)];

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Token();
}
