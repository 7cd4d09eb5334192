namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// What a service tells its own caller when another app could not be reached: UNAVAILABLE with
/// <see cref="Reason"/> (<c>{APP}_UNAVAILABLE</c>, from <see cref="Errors.ErrorReasons"/>) and
/// <see cref="Message"/>, which says what was left undone and whether to retry.
/// </summary>
public sealed record UnreachableAnswer(string Reason, string Message)
{
    /// <summary>
    /// INTERNAL from the app counts as unreachable too: whatever went wrong inside it, the caller
    /// cannot decide without its answer.
    /// </summary>
    public bool IncludesInternal { get; init; }
}
