using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Which roles may call each method of a service: one table per service, in one place, checked
/// by <see cref="MethodPermissionInterceptor"/> before any handler runs. A method missing from
/// the table is refused to everyone, so a new method is closed until someone decides who may
/// call it. Ownership (which country's request, which donor's pledge) is checked by the service
/// itself, on the data.
/// </summary>
public sealed class MethodPermissions
{
    private readonly FrozenDictionary<string, FrozenSet<CallerRole>> rolesByMethod;

    private MethodPermissions(Dictionary<string, FrozenSet<CallerRole>> rolesByMethod) =>
        this.rolesByMethod = rolesByMethod.ToFrozenDictionary(StringComparer.Ordinal);

    public static Builder For(ServiceDescriptor service) => new(service);

    /// <param name="method">The gRPC path, <c>/package.Service/Method</c>.</param>
    public bool Allows(string method, CallerRole role) =>
        rolesByMethod.TryGetValue(method, out var roles) && roles.Contains(role);

    public IReadOnlyCollection<string> Methods => rolesByMethod.Keys;

    public IReadOnlySet<CallerRole> RolesFor(string method) =>
        rolesByMethod.TryGetValue(method, out var roles) ? roles : FrozenSet<CallerRole>.Empty;

    public sealed class Builder(ServiceDescriptor service)
    {
        private readonly Dictionary<string, FrozenSet<CallerRole>> rolesByMethod = new(StringComparer.Ordinal);

        /// <summary>Lets <paramref name="roles"/> call <paramref name="methodName"/>; the name is checked against the service.</summary>
        public Builder Allow(string methodName, params CallerRole[] roles)
        {
            var method = service.FindMethodByName(methodName)
                ?? throw new InvalidOperationException($"{service.FullName} has no method {methodName}.");
            rolesByMethod.Add($"/{service.FullName}/{method.Name}", roles.ToFrozenSet());
            return this;
        }

        public MethodPermissions Build() => new(rolesByMethod);
    }
}
