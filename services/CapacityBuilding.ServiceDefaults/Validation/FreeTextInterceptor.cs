using CapacityBuilding.ServiceDefaults.Errors;
using Google.Protobuf;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Refuses a request whose text breaks <see cref="FreeText"/> (INVALID_ARGUMENT naming each field)
/// and hands the handler, and the field rules before it, the text normalised as it is to be stored.
/// REST calls are transcoded to the same messages, so this covers them too.
/// </summary>
public sealed class FreeTextInterceptor(FreeTextFields fields, ApiErrors errors) : RequestMessageInterceptor
{
    protected override void Inspect<TRequest>(TRequest request)
    {
        if (request is IMessage message && fields.Normalise(message) is { Count: > 0 } violations)
        {
            throw errors.InvalidArgument(violations);
        }
    }
}
