using System.Reflection;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Finds the cross-service calls in the services' source, so that the Dapr policies are held
/// against the code rather than against a list in a test. In each project under
/// <c>services/</c>: the app's own id is the argument of <c>AddServiceDefaults(...)</c>, or, for
/// an app that is no gRPC service (the portal), the <c>Name</c> constant of its <c>...App</c> class; every
/// <c>AddServiceClient&lt;TClient&gt;(configuration, appId, ...)</c> registers a generated client for a
/// target app-id (string literals and <c>const string</c> fields are resolved, so are
/// <c>using</c> aliases of the client type); and in every file that names that client type, a
/// call <c>.Method(</c> or <c>.MethodAsync(</c> of one of the client's proto methods is a call to
/// that method (in C# files and in Razor components). Client types map to proto services through
/// the generated descriptors.
/// </summary>
internal static partial class ServiceCallScanner
{
    public static IReadOnlyList<ServiceCall> Scan(string servicesFolder)
    {
        var calls = new List<ServiceCall>();
        foreach (var project in Directory.GetDirectories(servicesFolder).Where(folder => File.Exists(Path.Combine(folder, "Program.cs"))))
        {
            calls.AddRange(ScanProject(project));
        }

        return calls.Distinct().OrderBy(call => call.CallerAppId, StringComparer.Ordinal).ThenBy(call => call.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>The services' projects by app-id, the argument of their <c>AddServiceDefaults(...)</c>.</summary>
    public static IReadOnlyDictionary<string, string> ServiceProjects(string servicesFolder) =>
        Directory.GetDirectories(servicesFolder)
            .Where(folder => File.Exists(Path.Combine(folder, "Program.cs")))
            .Select(folder => (Folder: folder, Program: File.ReadAllText(Path.Combine(folder, "Program.cs"))))
            .Where(project => ServiceDefaultsCall().IsMatch(project.Program))
            .ToDictionary(
                project => Resolve(ServiceDefaultsCall().Match(project.Program).Groups["appId"].Value, Constants(SourceFiles(project.Folder).Values), project.Folder),
                project => project.Folder);

    /// <summary>The proto services the contracts generate clients for.</summary>
    public static IEnumerable<ServiceDescriptor> ProtoServices => GeneratedClients.Select(client => client.Service);

    private static Dictionary<string, string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(project, "*.razor", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(file => file, File.ReadAllText);

    private static IEnumerable<ServiceCall> ScanProject(string project)
    {
        var files = SourceFiles(project);
        var constants = Constants(files.Values);

        var registrations = files
            .SelectMany(file => ServiceClientRegistration().Matches(file.Value).Select(match => (File: file, Match: match)))
            .Select(found => (
                Client: ResolveClient(found.Match.Groups["client"].Value, found.File.Value),
                AppId: Resolve(found.Match.Groups["appId"].Value, constants, found.File.Key)))
            .ToList();
        if (registrations.Count == 0)
        {
            yield break;
        }

        var program = files[Path.Combine(project, "Program.cs")];
        var defaults = ServiceDefaultsCall().Match(program);
        var appName = files.Values.Select(text => AppNameConstant().Match(text)).FirstOrDefault(match => match.Success);
        var caller = defaults.Success ? Resolve(defaults.Groups["appId"].Value, constants, Path.Combine(project, "Program.cs"))
            : appName?.Groups["value"].Value
            ?? throw new InvalidDataException($"{project}/Program.cs registers service clients but calls no AddServiceDefaults(appId), and no ...App class names the app.");
        foreach (var (client, callee) in registrations)
        {
            var methods = client.Service.Methods.ToDictionary(method => method.Name);
            foreach (var (path, text) in files.Where(file => NamesClient(file.Value, client.Type)))
            {
                foreach (Match call in MethodCall().Matches(text))
                {
                    if (methods.TryGetValue(call.Groups["method"].Value, out var method))
                    {
                        var source = $"{Path.GetFileName(project)}/{Path.GetRelativePath(project, path)}";
                        yield return new ServiceCall(caller, callee, $"/{client.Service.FullName}/{method.Name}", IsIdempotent(method), source);
                    }
                }
            }
        }
    }

    private static bool IsIdempotent(MethodDescriptor method)
    {
        var options = method.GetOptions();
        return options?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent
            || options?.GetExtension(AnnotationsExtensions.Http)?.PatternCase == HttpRule.PatternOneofCase.Get;
    }

    /// <summary>A generated client type and the proto service it calls.</summary>
    private sealed record GeneratedClient(Type Type, ServiceDescriptor Service);

    private static readonly IReadOnlyList<GeneratedClient> GeneratedClients = typeof(Contracts.Training.V1.TrainingService).Assembly
        .GetTypes()
        .Where(type => type.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(ClientBase<>) && type.DeclaringType is not null)
        .Select(type => new GeneratedClient(type, (ServiceDescriptor)type.DeclaringType!.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!))
        .ToList();

    /// <summary>The client named in <c>AddServiceClient&lt;name&gt;</c>, through the file's using aliases.</summary>
    private static GeneratedClient ResolveClient(string name, string fileText)
    {
        var alias = UsingAlias().Matches(fileText).FirstOrDefault(match => match.Groups["alias"].Value == name);
        var fullName = (alias?.Groups["target"].Value ?? name).Split('.');
        return GeneratedClients.SingleOrDefault(client => client.Type.Name == fullName[^1]
                   && (fullName.Length == 1 || client.Type.DeclaringType!.Name == fullName[^2]))
               ?? throw new InvalidDataException($"AddServiceClient<{name}>: no generated gRPC client of that name in the contracts.");
    }

    private static bool NamesClient(string fileText, Type client) =>
        fileText.Contains(client.Name, StringComparison.Ordinal);

    /// <summary><c>const string</c> fields by <c>Class.Field</c> and by bare field name.</summary>
    private static Dictionary<string, string> Constants(IEnumerable<string> texts)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match constant in StringConstant().Matches(text))
            {
                var declaringClass = ClassDeclaration().Matches(text[..constant.Index]).LastOrDefault()?.Groups["class"].Value;
                constants[$"{declaringClass}.{constant.Groups["name"].Value}"] = constant.Groups["value"].Value;
                constants.TryAdd(constant.Groups["name"].Value, constant.Groups["value"].Value);
            }
        }

        return constants;
    }

    private static string Resolve(string expression, Dictionary<string, string> constants, string file)
    {
        expression = expression.Trim();
        if (expression.StartsWith('"') && expression.EndsWith('"'))
        {
            return expression[1..^1];
        }

        var parts = expression.Split('.');
        var key = parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : parts[0];
        return constants.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"{file}: cannot resolve the app-id '{expression}' to a string constant.");
    }

    [GeneratedRegex(@"AddServiceClient<\s*(?<client>[\w.]+)\s*>\s*\(\s*[\w.]+\s*,\s*(?<appId>""[^""]*""|[\w.]+)\s*[,)]")]
    private static partial Regex ServiceClientRegistration();

    [GeneratedRegex(@"AddServiceDefaults\(\s*(?<appId>""[^""]*""|[\w.]+)\s*\)")]
    private static partial Regex ServiceDefaultsCall();

    [GeneratedRegex(@"class\s+\w+App\b[^{]*\{[^}]*?const\s+string\s+Name\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex AppNameConstant();

    [GeneratedRegex(@"\.\s*(?<method>[A-Z]\w*?)(?:Async)?\s*\(")]
    private static partial Regex MethodCall();

    [GeneratedRegex(@"using\s+(?<alias>\w+)\s*=\s*(?:global::)?(?<target>[\w.]+)\s*;")]
    private static partial Regex UsingAlias();

    [GeneratedRegex(@"const\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex StringConstant();

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(?<class>\w+)")]
    private static partial Regex ClassDeclaration();
}
