using System.Text;
using System.Xml.Linq;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Funding.Iati;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using AssistanceRequest = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// A page of the IATI export ends before the activity that would take it past
/// <c>Iati:MaxPageBytes</c>, as well as at its page size: long texts cannot make a page larger than
/// a client accepts, and the page tokens still walk every activity exactly once.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class IatiPageBudgetTests(SuiteFixture suite)
{
    /// <summary>Room for a few activities with 1,500-character descriptions, and less than one with 5,000 three-byte characters.</summary>
    private const int Budget = 12_000;

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Pages_stay_under_the_byte_budget_an_oversized_activity_goes_alone_and_the_walk_sees_each_activity_once()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var requests = new List<AssistanceRequest>();
        foreach (var description in new[] { Text(1_500), Text(1_500), Text(1_500), new string('漢', 5_000), Text(1_500), Text(1_500) })
        {
            requests.Add(await scenario.ConsentToPublishAsync(await scenario.RequestAsync("KEN", description: description)));
        }

        var oversized = IdOf(requests[3]);
        // Interleaved, so a request's allocations fall on different pages of the walk.
        foreach (var request in requests.Concat(requests))
        {
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }));
        }

        var (process, channel) = await suite.StartExtraFundingAsync(new Dictionary<string, string>(SuiteFixture.FundingDirectTo(suite.AssistanceAddress))
        {
            ["Iati__MaxPageBytes"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await using (process)
        {
            var funding = new FundingService.FundingServiceClient(suite.Channel(new Uri($"http://{channel.Target}"),
                suite.Tokens.Mint(CallerRole.Coordinator, "page-budget-coordinator")));
            var pageOf = new List<(string Identifier, int Page)>();
            var oversizedPage = (Activities: 0, Bytes: 0);
            var token = "";
            var pages = 0;
            do
            {
                // 500 a page: without the budget, all twelve allocations and so all six activities would share the first page.
                var page = await funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { PageSize = 500, PageToken = token });
                if (page.ActivityCount > 0)
                {
                    var identifiers = XDocument.Parse(page.Xml).Root!.Elements("iati-activity").Select(activity => activity.Element("iati-identifier")!.Value).ToList();
                    var bytes = Encoding.UTF8.GetByteCount(page.Xml);
                    Assert.True(bytes <= Budget || identifiers.Count == 1, $"a page of {identifiers.Count} activities took {bytes} bytes, over {Budget}.");
                    Assert.Empty(IatiValidation.Problems(page.Xml));
                    Assert.Equal(page.ActivityCount, identifiers.Count);
                    pageOf.AddRange(identifiers.Select(identifier => (identifier, pages)));
                    oversizedPage = identifiers.Contains(oversized) ? (identifiers.Count, bytes) : oversizedPage;
                }

                token = page.NextPageToken;
                pages++;
            }
            while (token.Length > 0 && !requests.All(request => pageOf.Any(seen => seen.Identifier == IdOf(request))));

            var mine = requests.Select(IdOf).ToHashSet();
            Assert.Equal(pageOf.Count, pageOf.Select(seen => seen.Identifier).Distinct().Count());
            Assert.All(requests, request => Assert.Single(pageOf, seen => seen.Identifier == IdOf(request)));
            Assert.True(pageOf.Where(seen => mine.Contains(seen.Identifier)).Select(seen => seen.Page).Distinct().Count() >= 3, "the six activities are cut into pages by size.");
            Assert.Equal(1, oversizedPage.Activities);
            Assert.True(oversizedPage.Bytes > Budget, $"the oversized activity takes {oversizedPage.Bytes} bytes alone, more than the budget.");
        }
    }

    /// <summary>Text of <paramref name="length"/> characters, one byte each in UTF-8.</summary>
    private static string Text(int length) => string.Concat(Enumerable.Repeat("capacity ", (length / 9) + 1))[..length];

    private static string IdOf(AssistanceRequest request) => $"XM-DAC-41128-{request.Name["requests/".Length..]}";
}
