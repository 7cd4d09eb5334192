using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// axe-core on the page as it stands: every serious or critical violation (WCAG 2.1 AA and axe's
/// best practices), one line each with the rule, the element and where to read how to fix it.
/// Minor and moderate findings do not fail: the issue asks for zero serious or critical.
/// </summary>
public static class AccessibilityCheck
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    // Details of violations only: passes and incomplete results are not read, so axe need not
    // describe their elements and the result carried out of the page stays small.
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        return [.. result.Violations
            .Where(violation => FailingImpacts.Contains(violation.Impact, StringComparer.Ordinal))
            .SelectMany(violation => violation.Nodes.Select(node => Describe(violation, node)))];
    }

    private static string Describe(AxeResultItem violation, AxeResultNode node) =>
        $"{violation.Impact} {violation.Id} at {node.Target}: {violation.Help} ({violation.HelpUrl})";
}
