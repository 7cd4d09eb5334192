using System.Reflection;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// The one way a service reaches its Lua scripts. Each script is a <c>.lua</c> file in the
/// service's <c>Repositories/Scripts/</c> folder (here: <c>Redis/Scripts/</c>), embedded in its
/// assembly under <see cref="ResourcePrefix"/> + file name, with its keys, arguments and replies
/// documented at its top. A repository reads each script once, into a static field, and passes
/// the text to <see cref="ScriptReply.RunScriptAsync"/> (writes) or <c>ScriptEvaluateAsync</c>
/// (pages); StackExchange.Redis then loads it into Redis once (SCRIPT LOAD) and calls it by its
/// hash (EVALSHA) from then on.
/// </summary>
public static class LuaScripts
{
    /// <summary>The start of every embedded script's resource name (see the projects' <c>EmbeddedResource</c> items).</summary>
    public const string ResourcePrefix = "lua/";

    /// <summary>The local functions every create script starts with (<c>Redis/Scripts/idempotency.lua</c> here).</summary>
    public const string IdempotencyFunctions = "idempotency.lua";

    /// <summary>
    /// The text of the embedded scripts <paramref name="files"/> of <paramref name="assembly"/>
    /// (or, for the functions shared by every service, of this one), one after the other: a
    /// script may start with files of shared local functions.
    /// </summary>
    public static string Load(Assembly assembly, params string[] files) =>
        string.Concat(files.Select(file => Read(assembly, file)));

    private static string Read(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? typeof(LuaScripts).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded Lua script {file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
