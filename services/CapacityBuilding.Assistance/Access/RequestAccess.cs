using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Assistance.Access;

/// <summary>
/// Ownership on the data, after <see cref="AssistancePermissions"/> has let the role
/// in: a member state's focal point sees and changes only its own country's requests; a donor
/// sees only the requests its money funds, which the funding service knows
/// (<see cref="Clients.DonorFunding"/>).
/// </summary>
public sealed class RequestAccess(ApiErrors errors)
{
    /// <summary>PERMISSION_DENIED unless the caller may act for <paramref name="requestingState"/>.</summary>
    public void EnsureMayActFor(Caller caller, string requestingState)
    {
        if (caller.Role == CallerRole.MemberState && !string.Equals(caller.Country, requestingState, StringComparison.Ordinal))
        {
            throw errors.PermissionDenied($"A focal point of {caller.Country} acts only for requests of {caller.Country}.");
        }
    }

    /// <summary>
    /// NOT_FOUND, as if it did not exist, when a member state asks for another country's request:
    /// so ids cannot be probed for what other countries asked.
    /// </summary>
    public void EnsureMayAccess(Caller caller, StoredAssistanceRequest request, string name)
    {
        if (!MayRead(caller, request))
        {
            throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
        }
    }

    /// <summary>Whether the caller may read the request: a member state only its own country's (a donor's are checked by listing).</summary>
    public static bool MayRead(Caller caller, StoredAssistanceRequest request) =>
        caller.Role != CallerRole.MemberState || string.Equals(caller.Country, request.RequestingState, StringComparison.Ordinal);

    /// <summary>The listing narrowed to what the caller may see: a member state's own country, a donor's funded requests.</summary>
    public RequestListQuery Scope(Caller caller, RequestListQuery query)
    {
        if (caller.Role == CallerRole.Donor)
        {
            return query with { FundedBy = caller.DonorId };
        }

        if (caller.Role != CallerRole.MemberState)
        {
            return query;
        }

        var countries = query.Filters.Where(filter => filter.Dimension == Repositories.RequestIndexes.Country).ToList();
        if (countries.Count > 0)
        {
            EnsureMayActFor(caller, countries[0].Value);
            return query;
        }

        return query with { Filters = [.. query.Filters, (Repositories.RequestIndexes.Country, caller.Country!)] };
    }
}
