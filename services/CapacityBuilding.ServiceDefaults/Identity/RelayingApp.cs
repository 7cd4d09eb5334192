namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// The app of the suite that relayed the current call (the gateway, another service, the
/// portal), established by <see cref="RelayingAppInterceptor"/> and kept as a request feature;
/// <see cref="ServerCallContextIdentityExtensions.GetCaller"/> puts it on the caller.
/// </summary>
/// <param name="Via">How it was established: its service token, or the Dapr sidecar.</param>
public sealed record RelayingApp(string AppId, string Via);
