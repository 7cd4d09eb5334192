using Microsoft.IdentityModel.JsonWebTokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Which roles a token may claim under one authentication scheme. The users' issuer and the apps'
/// key are different trust: a user token claiming <c>service</c> must not act as an app, and an
/// app's token is never a person. Every <c>role</c> value counts, so a list with <c>service</c> in
/// it is refused as a user token too.
/// </summary>
public sealed class TokenRoleRule
{
    private static readonly string ServiceRole = CallerClaims.ClaimValueOf(CallerRole.Service);

    private readonly Func<IReadOnlyList<string>, bool> accepts;

    private TokenRoleRule(string refusal, Func<IReadOnlyList<string>, bool> accepts)
    {
        Refusal = refusal;
        this.accepts = accepts;
    }

    /// <summary>Tokens of people: any role but <c>service</c>.</summary>
    public static TokenRoleRule Users { get; } = new("A user token may not claim the role service.", roles => !roles.Contains(ServiceRole));

    /// <summary>Tokens of the suite's apps: the role <c>service</c> and nothing else.</summary>
    public static TokenRoleRule Services { get; } = new("A service token must claim the role service and no other.", roles => roles is [var only] && only == ServiceRole);

    /// <summary>Why a token this rule refuses is refused.</summary>
    public string Refusal { get; }

    public bool Accepts(JsonWebToken token) =>
        accepts([.. token.Claims.Where(claim => claim.Type == CallerClaims.Role).Select(claim => claim.Value)]);
}
