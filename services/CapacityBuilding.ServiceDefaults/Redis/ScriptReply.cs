using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// The reply of a Lua write script, and the one convention for write outcomes in every service:
/// <list type="bullet">
/// <item>A write script replies with a table: first a status in UPPER_SNAKE case (<c>CREATED</c>,
/// <c>EXISTING</c> with the id an earlier create with the same request id made,
/// <c>REQUEST_ID_REUSED</c> when that request id was used for a different request, <c>REPLACED</c>,
/// <c>NOT_FOUND</c>, <c>STALE</c> when the etag read is no longer the stored one, or a rule of the
/// domain such as <c>INSUFFICIENT</c>), then the values that status carries.</item>
/// <item>The repository reads it with <see cref="RunScriptAsync"/> and returns a closed record
/// hierarchy named after the write (<c>EnrolOutcome</c>, <c>AllocateOutcome</c>,
/// <see cref="ReplaceOutcome{T}"/>): one nested sealed record per status, the success case
/// carrying what was written, so the caller switches over the cases and maps each refusal to
/// its error. A write that the domain cannot refuse returns what it wrote instead.</item>
/// </list>
/// </summary>
public sealed class ScriptReply
{
    private const string RequestIdReused = "REQUEST_ID_REUSED";

    private readonly RedisResult[] values;

    private ScriptReply(string status, RedisResult[] values) => (Status, this.values) = (status, values);

    public string Status { get; }

    /// <summary>The values after the status, as the script listed them.</summary>
    public IReadOnlyList<RedisResult> Values => values;

    /// <summary>The value at <paramref name="index"/> after the status, as text.</summary>
    public string Text(int index) => (string)values[index]!;

    /// <summary>
    /// Runs <paramref name="script"/> (a <see cref="LuaScripts"/> text) and reads its reply. A
    /// create's <c>REQUEST_ID_REUSED</c> is the same refusal for every create, so it is thrown here
    /// (<see cref="RequestIdReusedException"/>) rather than carried by each write's outcome.
    /// </summary>
    public static async Task<ScriptReply> RunScriptAsync(IDatabase database, string script, RedisKey[] keys, RedisValue[] arguments)
    {
        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(script, keys, arguments))!;
        var status = (string)reply[0]!;
        if (status == RequestIdReused)
        {
            throw new RequestIdReusedException();
        }

        return new ScriptReply(status, reply[1..]);
    }

    /// <summary>The outcome a replace script's reply stands for: <c>REPLACED</c>, <c>NOT_FOUND</c> or <c>STALE</c>.</summary>
    public ReplaceOutcome<T> ToReplaceOutcome<T>(T written) => Status switch
    {
        "REPLACED" => new ReplaceOutcome<T>.Replaced(written),
        "NOT_FOUND" => new ReplaceOutcome<T>.NotFound(),
        "STALE" => new ReplaceOutcome<T>.Stale(),
        _ => throw Unexpected("replace"),
    };

    /// <summary>For a status the caller does not know: the script and its caller disagree.</summary>
    public InvalidOperationException Unexpected(string script) => new($"Unexpected reply '{Status}' from the {script} script.");
}
