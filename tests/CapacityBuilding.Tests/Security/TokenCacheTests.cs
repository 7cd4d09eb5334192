using System.Security.Cryptography;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The remembered validations of <see cref="CachingJsonWebTokenHandler"/> never outlive the token
/// or let a different text through, and callers never share an identity.
/// </summary>
public sealed class TokenCacheTests : IDisposable
{
    private const string Issuer = "capacitybuilding-local";
    private const string Audience = "capacitybuilding-api";

    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly CachingJsonWebTokenHandler handler = new(TimeProvider.System);
    private readonly DevTokenIssuer issuer = new(Issuer, Audience, Key);

    private static TokenValidationParameters Parameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        RequireSignedTokens = true,
        IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(Key)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_has_expired()
    {
        var token = issuer.Mint(CallerRole.Coordinator, "short-lived", lifetime: TimeSpan.FromSeconds(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);

        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
    }

    [Fact]
    public async Task A_token_differing_from_a_remembered_one_is_validated_in_full()
    {
        var token = issuer.Mint(CallerRole.Coordinator, "remembered");
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var tampered = token[..(token.LastIndexOf('.') + 1)] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        var otherKey = new DevTokenIssuer(Issuer, Audience, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Mint(CallerRole.Coordinator, "remembered");

        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(otherKey, Parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
    }

    [Fact]
    public async Task Each_caller_gets_an_identity_of_its_own()
    {
        var token = issuer.Mint(CallerRole.MemberState, "focal-point", country: "GHA");

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("added", "by one request"));

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst("added"));
        Assert.Equal("GHA", second.ClaimsIdentity.FindFirst(CallerClaims.Country)?.Value);
    }

    public void Dispose() => handler.Dispose();
}
