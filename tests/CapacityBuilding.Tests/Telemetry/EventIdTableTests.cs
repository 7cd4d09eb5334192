using System.Reflection;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Testing;
using Microsoft.Extensions.Logging;

namespace CapacityBuilding.Tests.Telemetry;

/// <summary>
/// <see cref="EventIds"/> is the one table of log event ids: its ids are unique, and every
/// <c>[LoggerMessage]</c> of the built services and gateway uses one of them, each for one event.
/// </summary>
public sealed class EventIdTableTests
{
    private static readonly Dictionary<string, int> Table = typeof(EventIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .ToDictionary(field => field.Name, field => (int)field.GetRawConstantValue()!);

    [Fact]
    public void Every_id_in_the_table_is_unique()
    {
        var repeated = Table.GroupBy(entry => entry.Value).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Key))}");

        Assert.Empty(repeated);
    }

    [Fact]
    public void Every_logger_message_of_the_suite_uses_an_id_of_the_table_for_one_event_only()
    {
        var messages = SuiteAssemblies().SelectMany(LoggerMessages).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, message => Assert.True(Table.ContainsValue(message.EventId), $"{message.Method} logs event {message.EventId}, which is not in EventIds."));
        Assert.Empty(messages.GroupBy(message => message.EventId).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(message => message.Method))}"));
        Assert.Empty(Table.Where(entry => messages.All(message => message.EventId != entry.Value)).Select(entry => entry.Key));
    }

    /// <summary>The built assembly of every project under <c>services/</c> and <c>gateway/</c>.</summary>
    private static IEnumerable<Assembly> SuiteAssemblies() =>
        new[] { "services", "gateway" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryLayout.Root.FullName, folder), "*.csproj", SearchOption.AllDirectories))
            .Select(project => Path.GetRelativePath(RepositoryLayout.Root.FullName, Path.GetDirectoryName(project)!))
            .Select(projectFolder => Path.Combine(RepositoryLayout.OutputOf(projectFolder), Path.GetFileName(projectFolder) + ".dll"))
            .Select(Assembly.LoadFrom);

    private static IEnumerable<(string Method, int EventId)> LoggerMessages(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select ($"{type.FullName}.{method.Name}", attribute.EventId);
}
