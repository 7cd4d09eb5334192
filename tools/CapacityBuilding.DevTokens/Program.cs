using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Configuration;

// Usage: CapacityBuilding.DevTokens --role member_state --country GHA [--subject focal.point@gh] [--donor <id>] [--hours 8]
// Reads Authentication:Jwt:{Issuer,Audience,SigningKey} from the environment (Authentication__Jwt__...)
// and refuses to run outside Development, so it cannot mint tokens for a real deployment.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var environment = configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"];
if (environment != "Development")
{
    Console.Error.WriteLine("dev-tokens: refusing to run: DOTNET_ENVIRONMENT (or ASPNETCORE_ENVIRONMENT) must be Development.");
    return 2;
}

var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
if (string.IsNullOrEmpty(jwt.SigningKey) || string.IsNullOrEmpty(jwt.Issuer) || string.IsNullOrEmpty(jwt.Audience))
{
    Console.Error.WriteLine("dev-tokens: set Authentication__Jwt__Issuer, __Audience and __SigningKey (run.sh does).");
    return 2;
}

if (configuration["role"] is not { } roleName || !CallerClaims.RolesByClaimValue.TryGetValue(roleName, out var role))
{
    Console.Error.WriteLine($"dev-tokens: --role must be one of {string.Join(", ", CallerClaims.RolesByClaimValue.Keys)}.");
    return 2;
}

var hours = double.Parse(configuration["hours"] ?? "8", System.Globalization.CultureInfo.InvariantCulture);
var issuer = new DevTokenIssuer(jwt.Issuer, jwt.Audience, jwt.SigningKey);
Console.WriteLine(issuer.Mint(role, configuration["subject"] ?? $"demo-{roleName}", configuration["country"], configuration["donor"], TimeSpan.FromHours(hours)));
return 0;
