namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// The bearer token of the person this process is acting for, which cross-service calls carry
/// (<see cref="CallerPropagationInterceptor"/>). A service acts for its incoming caller
/// (<see cref="IncomingAuthorizationCallerToken"/>, the default); a web front end acts for its
/// signed-in user, whose token lives in the server-side session, and registers its own.
/// </summary>
public interface ICallerToken
{
    /// <summary>The value for the <c>authorization</c> metadata (<c>Bearer ...</c>), or null when acting for nobody.</summary>
    string? Authorization();
}
