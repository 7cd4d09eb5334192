using System.Runtime.Loader;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Testing;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Redis;

/// <summary>
/// Every Lua script file of a project is embedded in its built assembly, compiles in Redis, and is
/// loaded by name somewhere in the project's code; no script file lies unused.
/// </summary>
public sealed class LuaScriptTests
{
    public static TheoryData<string, string> ScriptFolders => new()
    {
        // project folder, the project's script folder
        { "services/CapacityBuilding.ServiceDefaults", "Redis/Scripts" },
        { "services/CapacityBuilding.Assistance", "Repositories/Scripts" },
        { "services/CapacityBuilding.Training", "Repositories/Scripts" },
        { "services/CapacityBuilding.Funding", "Repositories/Scripts" },
    };

    [Theory]
    [MemberData(nameof(ScriptFolders))]
    public async Task Every_script_file_is_embedded_and_compiles_in_Redis(string project, string folder)
    {
        var files = ScriptFilesOf(project, folder);
        var scripts = EmbeddedScriptsOf(project);

        Assert.Equal(files.Select(Path.GetFileName).Order(StringComparer.Ordinal), scripts.Keys.Order(StringComparer.Ordinal));
        await using var server = await RedisServer.StartAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        foreach (var (file, text) in scripts)
        {
            // SCRIPT LOAD compiles the script without running it: a syntax error fails here.
            var hash = await redis.GetServer(redis.GetEndPoints()[0]).ScriptLoadAsync(text);
            Assert.True(hash.Length > 0, file);
        }
    }

    [Theory]
    [MemberData(nameof(ScriptFolders))]
    public void Every_script_file_is_loaded_by_the_code(string project, string folder)
    {
        var code = string.Concat(Directory.GetFiles(Path.Combine(RepositoryLayout.Root.FullName, project), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var unused = ScriptFilesOf(project, folder).Select(Path.GetFileName).Where(file => !code.Contains($"\"{file}\"", StringComparison.Ordinal));

        Assert.Empty(unused);
    }

    private static string[] ScriptFilesOf(string project, string folder)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryLayout.Root.FullName, project, folder), "*.lua");
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>The embedded scripts of the project's built assembly, by file name, read without running any of its code.</summary>
    private static Dictionary<string, string> EmbeddedScriptsOf(string project)
    {
        var context = new AssemblyLoadContext(project, isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(RepositoryLayout.OutputOf(project), Path.GetFileName(project) + ".dll"));
            return assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(LuaScripts.ResourcePrefix, StringComparison.Ordinal))
                .ToDictionary(name => name[LuaScripts.ResourcePrefix.Length..], name =>
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                    return reader.ReadToEnd();
                });
        }
        finally
        {
            context.Unload();
        }
    }
}
