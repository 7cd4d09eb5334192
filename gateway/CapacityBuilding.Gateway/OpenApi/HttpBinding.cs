using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// One REST route of one rpc, as its <c>google.api.http</c> annotation declares it (the rule
/// itself or one of its <c>additional_bindings</c>): what JSON transcoding serves.
/// </summary>
public sealed record HttpBinding(MethodDescriptor Method, string Verb, string Template, string Body, string ResponseBody, int Index)
{
    /// <summary>Every binding of every rpc of <paramref name="service"/>, in declaration order.</summary>
    public static IEnumerable<HttpBinding> Of(ServiceDescriptor service) =>
        service.Methods
            .Where(method => method.GetOptions()?.HasExtension(AnnotationsExtensions.Http) == true)
            .SelectMany(method =>
            {
                var rule = method.GetOptions().GetExtension(AnnotationsExtensions.Http);
                return new[] { rule }.Concat(rule.AdditionalBindings).Select((binding, index) => From(method, binding, index));
            });

    private static HttpBinding From(MethodDescriptor method, HttpRule rule, int index)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", rule.Get),
            HttpRule.PatternOneofCase.Post => ("post", rule.Post),
            HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
            HttpRule.PatternOneofCase.Put => ("put", rule.Put),
            HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToLowerInvariant(), rule.Custom.Path),
            _ => throw new InvalidOperationException($"{method.FullName} has an HTTP rule without a pattern."),
        };
        return new HttpBinding(method, verb, template, rule.Body, rule.ResponseBody, index);
    }

    /// <summary>A name client generators can use: <c>FundingService_GetDonor</c>, <c>_2</c> for a second binding.</summary>
    public string OperationId => Index == 0 ? $"{Method.Service.Name}_{Method.Name}" : $"{Method.Service.Name}_{Method.Name}_{Index + 1}";
}
