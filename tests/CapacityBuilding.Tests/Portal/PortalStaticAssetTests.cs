using System.Net.Http.Headers;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// The stylesheet and the script leave the portal as its build compressed them, at the best
/// level: in Brotli, smaller than in gzip (the response-compression middleware's fastest Brotli is
/// larger than the build's gzip), and in gzip a fraction of the file (a build's stylesheet was
/// once sent gzip-wrapped but uncompressed, larger than the file itself).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalStaticAssetTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("/css/portal.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task A_static_asset_is_sent_precompressed_smaller_in_brotli_than_in_gzip_and_gzip_a_fraction_of_the_file(string path)
    {
        using var client = new HttpClient { BaseAddress = suite.GatewayRestAddress };

        var identity = await TransferredAsync(client, path, "identity");
        var gzip = await TransferredAsync(client, path, "gzip");
        var brotli = await TransferredAsync(client, path, "br");

        Assert.Equal(("br", "gzip", ""), (brotli.Encoding, gzip.Encoding, identity.Encoding));
        Assert.True(brotli.Bytes < gzip.Bytes, $"{path}: Brotli {brotli.Bytes} bytes, gzip {gzip.Bytes}");
        Assert.True(gzip.Bytes < identity.Bytes / 2, $"{path}: gzip {gzip.Bytes} bytes of {identity.Bytes}");
    }

    private static async Task<(string Encoding, long Bytes)> TransferredAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string.Join(",", response.Content.Headers.ContentEncoding), (await response.Content.ReadAsByteArrayAsync()).LongLength);
    }
}
