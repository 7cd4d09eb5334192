using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Tests.Compatibility;

/// <summary>
/// <c>buf breaking</c> (in ./test.sh) holds the protos' wire and JSON shapes to the v1 baseline,
/// but not their <c>google.api.http</c> options: a REST path, verb or body changed there would
/// break every REST client silently. This holds every rule of the baseline to the compiled
/// contracts; new rpcs and new bindings are free. An intentional change updates
/// protos/baseline/v1.binpb in the same commit (docs/integrators.md).
/// </summary>
public sealed class RestPathBaselineTests
{
    private static readonly string BaselineFile = Path.Combine(RepositoryLayout.Root.FullName, "protos", "baseline", "v1.binpb");

    [Fact]
    public void Every_rest_route_of_the_v1_baseline_is_still_served_as_it_was()
    {
        var baseline = BaselineRules();

        Assert.NotEmpty(baseline);
        Assert.Empty(Missing(baseline, RulesOf(SuiteContracts.Services.SelectMany(service => service.Methods).Select(method => (method.FullName, (MethodOptions?)method.GetOptions())))));
    }

    /// <summary>The control: a path changed in one rule is reported.</summary>
    [Fact]
    public void A_changed_path_is_reported()
    {
        var baseline = BaselineRules();
        var changed = baseline.Select(rule => rule.Key == "capacitybuilding.funding.v1.FundingService.GetDonor get /v1/{name=donors/*} body= response=donor"
            ? rule with { Key = rule.Key.Replace("donors/*", "funders/*", StringComparison.Ordinal) }
            : rule).ToList();

        Assert.Equal(["capacitybuilding.funding.v1.FundingService.GetDonor get /v1/{name=donors/*} body= response=donor"], Missing(baseline, changed));
    }

    private static List<string> Missing(IEnumerable<HttpRuleKey> baseline, IEnumerable<HttpRuleKey> current)
    {
        var served = current.Select(rule => rule.Key).ToHashSet(StringComparer.Ordinal);
        return [.. baseline.Select(rule => rule.Key).Where(key => !served.Contains(key))];
    }

    private static List<HttpRuleKey> BaselineRules()
    {
        var parser = FileDescriptorSet.Parser.WithExtensionRegistry([AnnotationsExtensions.Http]);
        var image = parser.ParseFrom(File.ReadAllBytes(BaselineFile));
        return RulesOf(image.File
            .Where(file => file.Package.StartsWith("capacitybuilding.", StringComparison.Ordinal))
            .SelectMany(file => file.Service.SelectMany(service => service.Method
                .Select(method => ($"{file.Package}.{service.Name}.{method.Name}", (MethodOptions?)method.Options)))));
    }

    private static List<HttpRuleKey> RulesOf(IEnumerable<(string Method, MethodOptions? Options)> methods) =>
    [
        .. methods
            .Where(method => method.Options?.HasExtension(AnnotationsExtensions.Http) == true)
            .SelectMany(method =>
            {
                var rule = method.Options!.GetExtension(AnnotationsExtensions.Http);
                return new[] { rule }.Concat(rule.AdditionalBindings).Select(binding => new HttpRuleKey(method.Method, binding));
            }),
    ];

    /// <summary>One binding as one comparable line: rpc, verb, path template, body and response body.</summary>
    private sealed record HttpRuleKey
    {
        public HttpRuleKey(string method, HttpRule rule)
        {
            var (verb, path) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("get", rule.Get),
                HttpRule.PatternOneofCase.Post => ("post", rule.Post),
                HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
                HttpRule.PatternOneofCase.Put => ("put", rule.Put),
                HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
                _ => (rule.Custom?.Kind ?? "none", rule.Custom?.Path ?? ""),
            };
            Key = $"{method} {verb} {path} body={rule.Body} response={rule.ResponseBody}";
        }

        public string Key { get; init; }
    }
}
