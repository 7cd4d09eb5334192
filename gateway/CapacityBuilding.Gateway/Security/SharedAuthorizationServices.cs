using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// ASP.NET Core's own authorization services, registered once for the process instead of
/// transient: the authorization middleware asks the request's services for its policy evaluator
/// and result handler on every call, and each brought a new authorization service, handler
/// provider, handler, context factory and evaluator with it. None of these default
/// implementations keeps state between calls.
/// </summary>
internal static class SharedAuthorizationServices
{
    public static IServiceCollection AddSharedAuthorizationServices(this IServiceCollection services)
    {
        services.Remove(services.Single(service => service.ServiceType == typeof(IAuthorizationHandler) && service.ImplementationType == typeof(PassThroughAuthorizationHandler)));
        services.AddSingleton<IAuthorizationHandler, PassThroughAuthorizationHandler>();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationHandlerProvider, DefaultAuthorizationHandlerProvider>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationHandlerContextFactory, DefaultAuthorizationHandlerContextFactory>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationEvaluator, DefaultAuthorizationEvaluator>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationService, DefaultAuthorizationService>());
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator, PolicyEvaluator>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AuthorizationMiddlewareResultHandler>());
        return services;
    }
}
