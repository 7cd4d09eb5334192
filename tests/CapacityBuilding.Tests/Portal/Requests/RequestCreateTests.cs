using System.Net;
using System.Text.RegularExpressions;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;

namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>
/// The new-request form's post, without a browser: the request id chosen when the empty form was
/// shown makes the create idempotent (AIP-155), so the same form posted twice, as a double click
/// or a retry on a slow link sends it, makes one draft.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed partial class RequestCreateTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_same_new_request_form_posted_twice_creates_one_draft()
    {
        using var session = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await session.SignInAsync(DemoUsers.FocalPointGhana);
        var form = await session.GetPageAsync(RequestPageOf.New);
        var requestId = RequestIdField().Match(form).Groups["id"].Value;
        Assert.True(Guid.TryParse(requestId, out _), form);
        var post = new Dictionary<string, string>
        {
            ["_handler"] = "assistance-request",
            ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOf(form),
            ["Form.Name"] = "",
            ["Form.Etag"] = "",
            ["Form.RequestId"] = requestId,
            ["Form.RequestingState"] = "GHA",
            ["Form.Title"] = $"Portal double post {Guid.NewGuid():N}",
            ["Form.ThematicAreas"] = "Legislation",
            ["Form.Intent"] = "save",
        };

        using var first = await session.PostFormAsync(RequestPageOf.New, post);
        using var second = await session.PostFormAsync(RequestPageOf.New, post);

        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.EndsWith("/edit?done=saved", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [GeneratedRegex(@"name=""Form.RequestId"" value=""(?<id>[^""]*)""")]
    private static partial Regex RequestIdField();
}
