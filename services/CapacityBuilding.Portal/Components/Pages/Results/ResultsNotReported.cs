using System.Globalization;
using System.Text.RegularExpressions;
using CapacityBuilding.ServiceDefaults.Errors;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Portal.Components.Pages.Results;

/// <summary>
/// A completion refused because the request's results are not reported, read from the refusal's
/// ErrorInfo (reason RESULTS_NOT_REPORTED): the indicators without an actual, each as its
/// outcome's name and its position, none when the request has no outcome yet.
/// </summary>
public sealed partial record ResultsNotReported(IReadOnlyList<(string Outcome, int Index)> Indicators)
{
    public const string IndicatorsMetadata = "indicators_without_actuals";

    /// <summary>The refusal, or null when <paramref name="exception"/> is another error.</summary>
    public static ResultsNotReported? From(RpcException exception)
    {
        var info = exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
        if (info?.Reason != ErrorReasons.ResultsNotReported)
        {
            return null;
        }

        var names = info.Metadata.TryGetValue(IndicatorsMetadata, out var listed) ? listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        return new ResultsNotReported([.. names.Select(name => IndicatorName().Match(name))
            .Where(match => match.Success)
            .Select(match => (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)))]);
    }

    [GeneratedRegex(@"^(requests/[^/]+/outcomes/[^/.]+)\.indicators\[(\d+)\]$")]
    private static partial Regex IndicatorName();
}
