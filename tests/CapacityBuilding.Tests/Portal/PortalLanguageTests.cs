using System.Net;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal;

/// <summary>The language picker: the choice is remembered in a cookie and every page follows it, right to left for Arabic.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalLanguageTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("fr", "ltr", "Connexion")]
    [InlineData("es", "ltr", "Iniciar sesión")]
    [InlineData("ar", "rtl", "بوابة بناء القدرات")]
    [InlineData("en", "ltr", "Sign in")]
    public async Task The_chosen_language_is_remembered_and_the_page_follows_it(string culture, string direction, string text)
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        var signIn = await browser.GetPageAsync("/signin");

        using var chosen = await browser.PostFormAsync("/culture", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOf(signIn),
            ["culture"] = culture,
            ["returnUrl"] = "/signin",
        });
        var page = await browser.GetPageAsync("/signin");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/signin", chosen.Headers.Location!.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}", StringComparison.Ordinal));
        Assert.Contains($"<html lang=\"{culture}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
        Assert.Contains(text, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_picker_goes_back_only_to_a_page_of_the_portal(string returnUrl)
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        var signIn = await browser.GetPageAsync("/signin");

        using var chosen = await browser.PostFormAsync("/culture", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOf(signIn),
            ["culture"] = "fr",
            ["returnUrl"] = returnUrl,
        });

        Assert.Equal("/", chosen.Headers.Location!.OriginalString);
    }

    /// <summary>Countries by name in the user's language, from the ICU data .NET carries.</summary>
    [Theory]
    [InlineData("en", "Kenya")]
    [InlineData("es", "Kenia")]
    [InlineData("ar", "كينيا")]
    [InlineData("zh", "肯尼亚")]
    public async Task A_country_is_named_in_the_users_language(string culture, string kenya)
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-ken");
        var home = await browser.GetPageAsync("/");

        using var chosen = await browser.PostFormAsync("/culture", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOf(home),
            ["culture"] = culture,
            ["returnUrl"] = "/",
        });
        var page = await browser.GetPageAsync("/");

        Assert.Contains(kenya, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_choice_the_browsers_language_decides()
    {
        using var client = new HttpClient { BaseAddress = suite.GatewayRestAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");

        using var response = await client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"es\"", page, StringComparison.Ordinal);
    }
}
