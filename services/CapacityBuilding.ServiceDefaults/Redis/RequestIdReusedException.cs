namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// A create's request id was used before for a different request, or names a resource the caller
/// may no longer read: answered <c>ALREADY_EXISTS</c> with <c>REQUEST_ID_REUSED</c> (AIP-155),
/// never with the earlier resource. Thrown by <see cref="ScriptReply.RunScriptAsync"/> when a
/// create script replies <c>REQUEST_ID_REUSED</c>, and by a handler whose replay the caller may
/// not see; mapped once, by the error interceptor.
/// </summary>
public sealed class RequestIdReusedException : Exception
{
    public RequestIdReusedException()
        : base("The request id was used before for a different request.")
    {
    }

    public RequestIdReusedException(string message)
        : base(message)
    {
    }

    public RequestIdReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
