using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Google.Type;
using Service = CapacityBuilding.Contracts.Funding.V1.FundingService;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// A property per method of the funding service, called through the gateway as a coordinator
/// (every method open to one) and, for pledges, also as the donor that owns them; closing a
/// request to funding and reopening it as the assistance service, the only caller they allow.
/// </summary>
/// <remarks>
/// Summaries add up every allocation and rate in the suite's Redis, which other tests read too:
/// allocations made here are released again, and rates are loaded only for currencies no other
/// test converts (<see cref="RateCurrency"/>).
/// </remarks>
internal sealed class FundingFuzzProperties(SuiteFixture suite, FuzzCalls calls)
{
    public static readonly IReadOnlyDictionary<string, Func<FundingFuzzProperties, Task>> ByMethod =
        new Dictionary<string, Func<FundingFuzzProperties, Task>>
        {
            [nameof(Service.FundingServiceBase.CreateDonor)] = properties => properties.CreateDonorAsync(),
            [nameof(Service.FundingServiceBase.GetDonor)] = properties => properties.GetDonorAsync(),
            [nameof(Service.FundingServiceBase.ListDonors)] = properties => properties.ListDonorsAsync(),
            [nameof(Service.FundingServiceBase.CreatePledge)] = properties => properties.CreatePledgeAsync(),
            [nameof(Service.FundingServiceBase.GetPledge)] = properties => properties.GetPledgeAsync(),
            [nameof(Service.FundingServiceBase.ListPledges)] = properties => properties.ListPledgesAsync(),
            [nameof(Service.FundingServiceBase.CommitPledge)] = properties => properties.PledgeTransitionAsync(
                (name, etag) => new CommitPledgeRequest { Name = name, Etag = etag }, async (client, request) => (await client.CommitPledgeAsync(request)).Pledge),
            [nameof(Service.FundingServiceBase.CancelPledge)] = properties => properties.PledgeTransitionAsync(
                (name, etag) => new CancelPledgeRequest { Name = name, Etag = etag }, async (client, request) => (await client.CancelPledgeAsync(request)).Pledge),
            [nameof(Service.FundingServiceBase.VerifyPledgeLedger)] = properties => properties.VerifyPledgeLedgerAsync(),
            [nameof(Service.FundingServiceBase.CreateAllocation)] = properties => properties.CreateAllocationAsync(),
            [nameof(Service.FundingServiceBase.GetAllocation)] = properties => properties.GetAllocationAsync(),
            [nameof(Service.FundingServiceBase.ListAllocations)] = properties => properties.ListAllocationsAsync(),
            [nameof(Service.FundingServiceBase.ReleaseAllocation)] = properties => properties.ReleaseAllocationAsync(),
            [nameof(Service.FundingServiceBase.CreateDisbursement)] = properties => properties.CreateDisbursementAsync(),
            [nameof(Service.FundingServiceBase.ListDisbursements)] = properties => properties.ListDisbursementsAsync(),
            [nameof(Service.FundingServiceBase.LoadExchangeRates)] = properties => properties.LoadExchangeRatesAsync(),
            [nameof(Service.FundingServiceBase.ListExchangeRates)] = properties => properties.ListExchangeRatesAsync(),
            [nameof(Service.FundingServiceBase.GetRequestFunding)] = properties => properties.GetRequestFundingAsync(),
            [nameof(Service.FundingServiceBase.CloseRequestFunding)] = properties => properties.CloseRequestFundingAsync(),
            [nameof(Service.FundingServiceBase.ReopenRequestFunding)] = properties => properties.ReopenRequestFundingAsync(),
            [nameof(Service.FundingServiceBase.GetFundingSummary)] = properties => properties.GetFundingSummaryAsync(),
            [nameof(Service.FundingServiceBase.ExportIatiActivities)] = properties => properties.ExportIatiActivitiesAsync(),
            [nameof(Service.FundingServiceBase.ConfirmAllocation)] = properties => properties.ConfirmAllocationAsync(),
            [nameof(Service.FundingServiceBase.CreateContribution)] = properties => properties.CreateContributionAsync(),
            [nameof(Service.FundingServiceBase.ListContributions)] = properties => properties.ListContributionsAsync(),
            [nameof(Service.FundingServiceBase.ListOpenNeeds)] = properties => properties.ListOpenNeedsAsync(),
            [nameof(Service.FundingServiceBase.ExportPublicIatiActivities)] = properties => properties.ExportPublicIatiActivitiesAsync(),
            [nameof(Service.FundingServiceBase.ListPublishedProjects)] = properties => properties.ListPublishedProjectsAsync(),
            [nameof(Service.FundingServiceBase.ListFundedRequests)] = properties => properties.ListFundedRequestsAsync(),
            [nameof(Service.FundingServiceBase.GetPublishedProject)] = properties => properties.GetPublishedProjectAsync(),
        };

    /// <summary>Currencies whose rates no other test reads, besides codes the load must refuse.</summary>
    private static readonly Gen<string> RateCurrency = Gen.OneOf(Gen.Elements("ISK", "MNT", "KZT", "USD", "isk", "XXX", ""), FuzzValues.Text);

    private readonly Service.FundingServiceClient coordinator =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Coordinator, "fuzz-coordinator")));

    private readonly Service.FundingServiceClient assistance =
        new(suite.Channel(suite.FundingAddress, suite.ServiceTokens.MintFor("assistance")));

    /// <summary>Assistance as the training service, which reports delivered events (the requests' actual dates).</summary>
    private readonly Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient training =
        new(suite.Channel(suite.AssistanceAddress, suite.ServiceTokens.MintFor("training")));

    private readonly FundingScenario scenario = new(suite);

    private async Task CreateDonorAsync()
    {
        var requests =
            from displayName in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
            from kind in FuzzValues.Mostly(FuzzValues.DefinedEnum<Donor.Types.Kind>(), FuzzValues.Enum<Donor.Types.Kind>())
            from country in FuzzValues.Mostly(Gen.Elements("NOR", "JPN"), Gen.OneOf(Gen.Constant(""), FuzzValues.Country))
            from iati in FuzzValues.Mostly(
                Gen.Elements("", "XM-DAC-8", "GB-CHC-202918"), Gen.OneOf(Gen.Elements("xm-dac-8", "XM-DAC-", "XM DAC 8", new string('X', 101)), FuzzValues.Text))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, true)
            select new CreateDonorRequest
            {
                Donor = omitted ? null : new Donor { DisplayName = displayName, Kind = kind, Country = country, IatiIdentifier = iati },
                RequestId = requestId,
            };
        await calls.CheckAsync(requests, async request =>
        {
            var created = (await coordinator.CreateDonorAsync(request)).Donor;
            Assert.Equal(created, await ReadDonorAsync(created.Name));
        });

        var valid =
            from displayName in FuzzValues.ValidTitle
            from kind in Gen.Elements(Donor.Types.Kind.State, Donor.Types.Kind.Foundation, Donor.Types.Kind.Multilateral, Donor.Types.Kind.PrivateSector)
            from country in Gen.Elements("NOR", "JPN", "DEU", "GHA")
            from iati in Gen.Elements("", "XM-DAC-8", "GB-CHC-202918")
            select new Donor { DisplayName = displayName, Kind = kind, Country = country, IatiIdentifier = iati };
        foreach (var input in FuzzValues.Sample(valid, 30))
        {
            var created = (await coordinator.CreateDonorAsync(new CreateDonorRequest { Donor = input })).Donor;
            var read = (Donor?)await ReadDonorAsync(created.Name);

            Assert.Equal(created, read);
            Assert.Equal((input.DisplayName, input.Kind, input.Country, input.IatiIdentifier), (read!.DisplayName, read.Kind, read.Country, read.IatiIdentifier));
        }
    }

    private async Task GetDonorAsync()
    {
        var donor = await scenario.DonorAsync();
        await calls.CheckAsync(FuzzValues.NameOf("donors", donor.Name).Select(name => new GetDonorRequest { Name = name }),
            request => coordinator.GetDonorAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListDonorsAsync()
    {
        await scenario.DonorAsync();
        await calls.CheckAsync(
            from size in FuzzValues.PageSize from token in FuzzValues.PageTokenFor("donors") select new ListDonorsRequest { PageSize = size, PageToken = token },
            request => coordinator.ListDonorsAsync(request).ResponseAsync, cases: 40);
    }

    private async Task CreatePledgeAsync()
    {
        var donor = await scenario.DonorAsync();
        var owner = new Service.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, "fuzz-donor", donorId: donor.Name.Split('/')[1])));
        var requests =
            from parent in FuzzValues.Mostly(Gen.Constant(donor.Name), FuzzValues.NameOf("donors", donor.Name))
            from amount in FuzzValues.Mostly(FuzzValues.SmallAmount(), FuzzValues.Amount)
            from validFrom in FuzzValues.Mostly(FuzzValues.DayWithin(-60, 0), FuzzValues.CalendarDate)
            from validUntil in FuzzValues.Mostly(FuzzValues.DayWithin(1, 400), FuzzValues.CalendarDate)
            from earmarks in FuzzValues.Mostly(
                Gen.Elements<Earmarks?>(null, new Earmarks { Regions = { "002" } }, new Earmarks { Countries = { "GHA", "VNM" }, ThematicAreas = { ThematicArea.Legislation } }),
                from areas in FuzzValues.ThematicAreas
                from regions in Gen.OneOf(Gen.Elements("002", "202", "011", "2", "999", "0020"), FuzzValues.Text).ArrayOf()
                from countries in FuzzValues.Country.ArrayOf()
                select (Earmarks?)new Earmarks { ThematicAreas = { areas }, Regions = { regions }, Countries = { countries } })
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, true)
            select new CreatePledgeRequest
            {
                Parent = parent,
                Pledge = omitted ? null : new Pledge { Amount = amount, ValidFrom = validFrom, ValidUntil = validUntil, Earmarks = earmarks },
                RequestId = requestId,
            };

        // Pledged money counts in programme totals: the huge pledges made here are cancelled at the
        // end, or every summary of the programme would be refused as out of range for other tests.
        var made = new List<string>();
        try
        {
            await CreatePledgesAsync(requests, owner, donor.Name, made);
        }
        finally
        {
            foreach (var name in made)
            {
                await coordinator.CancelPledgeAsync(new CancelPledgeRequest { Name = name });
            }
        }
    }

    private async Task CreatePledgesAsync(Gen<CreatePledgeRequest> requests, Service.FundingServiceClient owner, string donorName, List<string> made)
    {
        foreach (var client in new[] { coordinator, owner })
        {
            await calls.CheckAsync(requests, async request =>
            {
                var created = (await client.CreatePledgeAsync(request)).Pledge;
                made.Add(created.Name);
                Assert.Equal(created, await ReadPledgeAsync(created.Name));
            }, cases: 40);
        }

        var valid =
            from currency in Gen.Elements("USD", "EUR", "NOK", "JPY")
            from units in Gen.OneOf(Gen.Choose(0, 1_000_000).Select(value => (long)value), Gen.Constant(MoneyLimits.MaxUnits - 1))
            from nanos in Gen.Choose(0, 999_999_999)
            from start in Gen.Choose(-400, 400)
            from length in Gen.Choose(0, 800)
            where units > 0 || nanos > 0
            select new Pledge
            {
                Amount = new Money { CurrencyCode = currency, Units = units, Nanos = nanos },
                ValidFrom = FuzzValues.Day(System.DateTime.UtcNow.AddDays(start)),
                ValidUntil = FuzzValues.Day(System.DateTime.UtcNow.AddDays(start + length)),
            };
        foreach (var input in FuzzValues.Sample(valid, 30))
        {
            var created = (await owner.CreatePledgeAsync(new CreatePledgeRequest { Parent = donorName, Pledge = input })).Pledge;
            made.Add(created.Name);
            var read = (Pledge?)await ReadPledgeAsync(created.Name);

            Assert.Equal(created, read);
            Assert.Equal((input.Amount, input.ValidFrom, input.ValidUntil), (read!.Amount, read.ValidFrom, read.ValidUntil));
            Assert.Equal(input.Amount, read.RemainingBalance);
            Assert.Equal(Pledge.Types.State.Pledged, read.State);
        }
    }

    private async Task GetPledgeAsync()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        await calls.CheckAsync(FuzzValues.NameOf(ParentOf(pledge.Name) + "/pledges", pledge.Name).Select(name => new GetPledgeRequest { Name = name }),
            request => coordinator.GetPledgeAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListPledgesAsync()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var donor = ParentOf(pledge.Name);
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf("donors", donor)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(donor)
            select new ListPledgesRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListPledgesAsync(request).ResponseAsync, cases: 40);
    }

    private async Task PledgeTransitionAsync<TRequest>(Func<string, string, TRequest> make, Func<Service.FundingServiceClient, TRequest, Task<Pledge>> call)
        where TRequest : IMessage
    {
        var (pool, allocations) = await PledgePoolAsync();
        var requests =
            from target in FuzzValues.Target(ParentOf(pool[0].Name) + "/pledges", [.. pool.Select(pledge => (pledge.Name, pledge.Etag))])
            select make(target.Name, target.Etag);
        var nameField = ((IMessage)Activator.CreateInstance<TRequest>()).Descriptor.FindFieldByName("name");

        await calls.CheckAsync(requests,
            async request =>
            {
                var changed = await call(coordinator, request);
                Assert.Equal(changed, await ReadPledgeAsync(changed.Name));
            },
            request => ReadPledgeAsync((string)nameField.Accessor.GetValue(request)),
            cases: 40);
        await ReleaseAsync(allocations);
    }

    /// <summary>Whatever the other properties did to these pledges went through the API, so every ledger verifies.</summary>
    private async Task VerifyPledgeLedgerAsync()
    {
        var (pool, allocations) = await PledgePoolAsync();
        await calls.CheckAsync(
            FuzzValues.NameOf(ParentOf(pool[0].Name) + "/pledges", [.. pool.Select(pledge => pledge.Name)]).Select(name => new VerifyPledgeLedgerRequest { Name = name }),
            async request =>
            {
                var verdict = await coordinator.VerifyPledgeLedgerAsync(request);
                Assert.True(verdict.Intact, $"{request.Name}: {verdict.Problem}");
            },
            cases: 30);
        await ReleaseAsync(allocations);
    }

    private async Task CreateAllocationAsync()
    {
        var (pledges, earlier) = await PledgePoolAsync();
        var approved = await scenario.RequestAsync();
        var draft = await scenario.RequestAsync(state: Contracts.Assistance.V1.AssistanceRequest.Types.State.Draft);
        var requests =
            from pledge in FuzzValues.Mostly(Gen.Elements([.. pledges.Select(pledge => pledge.Name)]), FuzzValues.NameOf(ParentOf(pledges[0].Name) + "/pledges", [.. pledges.Select(pledge => pledge.Name)]))
            from assistanceRequest in FuzzValues.Mostly(Gen.Elements(approved.Name, approved.Name, draft.Name), FuzzValues.NameOf("requests", approved.Name, draft.Name))
            from amount in FuzzValues.Mostly(
                Gen.OneOf(
                    FuzzValues.SmallAmount().Select(money => (Money?)new Money { CurrencyCode = money!.CurrencyCode, Units = money.Units / 50, Nanos = money.Nanos | 1 }),
                    Gen.Elements<Money?>(new Money { CurrencyCode = "USD", Units = 600 }, new Money { CurrencyCode = "EUR", Units = 1 }, new Money { CurrencyCode = "USD", Nanos = 1 })),
                FuzzValues.Amount)
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, false, true)
            select new CreateAllocationRequest
            {
                Allocation = omitted ? null : new Allocation { Pledge = pledge, AssistanceRequest = assistanceRequest, Amount = amount },
                RequestId = requestId,
            };

        var made = new List<Allocation>(earlier);
        try
        {
            await calls.CheckAsync(requests,
                async request =>
                {
                    var created = (await coordinator.CreateAllocationAsync(request)).Allocation;
                    made.Add(created);
                    Assert.Equal(created, await ReadAllocationAsync(created.Name));
                    Assert.Equal((request.Allocation.Pledge, request.Allocation.AssistanceRequest, request.Allocation.Amount), (created.Pledge, created.AssistanceRequest, created.Amount));
                },
                request => ReadPledgeAsync(request.Allocation?.Pledge ?? ""));
        }
        finally
        {
            await ReleaseAsync(made);
        }
    }

    private async Task GetAllocationAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        await calls.CheckAsync(FuzzValues.NameOf("allocations", [.. allocations.Select(allocation => allocation.Name)]).Select(name => new GetAllocationRequest { Name = name }),
            request => coordinator.GetAllocationAsync(request).ResponseAsync, cases: 30);
        await ReleaseAsync(allocations);
    }

    private async Task ListAllocationsAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        var request = allocations[0].AssistanceRequest;
        await calls.CheckAsync(
            from assistanceRequest in Gen.OneOf(Gen.Constant(""), FuzzValues.NameOf("requests", request))
            from size in FuzzValues.PageSize
            from token in Gen.OneOf(FuzzValues.PageTokenFor("allocations"), FuzzValues.PageTokenFor(request))
            select new ListAllocationsRequest { AssistanceRequest = assistanceRequest, PageSize = size, PageToken = token },
            call => coordinator.ListAllocationsAsync(call).ResponseAsync, cases: 40);
        await ReleaseAsync(allocations);
    }

    private async Task ReleaseAllocationAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        var requests =
            from target in FuzzValues.Target("allocations", [.. allocations.Select(allocation => (allocation.Name, allocation.Etag))])
            select new ReleaseAllocationRequest { Name = target.Name, Etag = target.Etag };

        await calls.CheckAsync(requests,
            async request =>
            {
                var released = (await coordinator.ReleaseAllocationAsync(request)).Allocation;
                Assert.Equal(Allocation.Types.State.Released, released.State);
                Assert.Equal(released, await ReadAllocationAsync(released.Name));
            },
            request => ReadAllocationAsync(request.Name),
            cases: 40);
        await ReleaseAsync(allocations);
    }

    /// <summary>A proposal or an active allocation is ACTIVE after confirming, and confirming again changes nothing.</summary>
    private async Task ConfirmAllocationAsync()
    {
        var (pledges, allocations) = await PledgePoolAsync();
        var proposal = FundingScenario.Proposal(pledges[1], await scenario.RequestAsync(), new Money { CurrencyCode = "USD", Units = 50 });
        var proposed = (await coordinator.CreateAllocationAsync(proposal)).Allocation;
        string[] names = [.. allocations.Select(allocation => allocation.Name), proposed.Name];
        await calls.CheckAsync(FuzzValues.NameOf("allocations", names).Select(name => new ConfirmAllocationRequest { Name = name }),
            async request =>
            {
                var confirmed = (await assistance.ConfirmAllocationAsync(request)).Allocation;
                Assert.Equal(Allocation.Types.State.Active, confirmed.State);
                Assert.Equal(confirmed, await ReadAllocationAsync(confirmed.Name));
            },
            request => ReadAllocationAsync(request.Name),
            cases: 30);
        await ReleaseAsync([.. allocations, proposed]);
    }

    /// <summary>A contribution is paid against a committed pledge of the same currency, never beyond it; a refused one changes nothing.</summary>
    private async Task CreateContributionAsync()
    {
        var (pledges, allocations) = await PledgePoolAsync();
        string[] names = [.. pledges.Select(pledge => pledge.Name)];
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements(names), FuzzValues.NameOf(ParentOf(names[0]) + "/pledges", names))
            from amount in FuzzValues.Mostly(
                Gen.OneOf(
                    FuzzValues.SmallAmount().Select(money => (Money?)new Money { CurrencyCode = money!.CurrencyCode, Units = money.Units / 100, Nanos = money.Nanos | 1 }),
                    Gen.Elements<Money?>(new Money { CurrencyCode = "USD", Units = 5_000 }, new Money { CurrencyCode = "EUR", Units = 1 })),
                FuzzValues.Amount)
            from day in FuzzValues.Mostly(FuzzValues.DayWithin(-30, 0), FuzzValues.DayWithin(1, 30))
            from description in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, false, true)
            select new CreateContributionRequest
            {
                Parent = parent,
                Contribution = omitted ? null : new Contribution { Amount = amount, ReceivedDate = day, Description = description },
                RequestId = requestId,
            };
        await calls.CheckAsync(requests,
            async request =>
            {
                var created = (await coordinator.CreateContributionAsync(request)).Contribution;
                Assert.StartsWith(request.Parent + "/contributions/", created.Name, StringComparison.Ordinal);
                Assert.Equal(request.Contribution.Amount, created.Amount);
            },
            request => ReadPledgeAsync(request.Parent),
            cases: 40);
        await ReleaseAsync(allocations);
    }

    private async Task ListContributionsAsync()
    {
        var (pledges, allocations) = await PledgePoolAsync();
        string[] names = [.. pledges.Select(pledge => pledge.Name)];
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf(ParentOf(names[0]) + "/pledges", names)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(names[1])
            select new ListContributionsRequest { Parent = parent, PageSize = size, PageToken = token },
            call => coordinator.ListContributionsAsync(call).ResponseAsync, cases: 30);
        await ReleaseAsync(allocations);
    }

    private Task ListOpenNeedsAsync() =>
        WithPooledDonorAsync(donor => calls.CheckAsync(
            from parent in FuzzValues.NameOf("donors", donor)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(donor)
            from asOf in Gen.OneOf(Gen.Constant<Date?>(null), FuzzValues.CalendarDate)
            select new ListOpenNeedsRequest { Parent = parent, PageSize = size, PageToken = token, AsOf = asOf },
            call => coordinator.ListOpenNeedsAsync(call).ResponseAsync, cases: 20));

    private Task ListFundedRequestsAsync() =>
        WithPooledDonorAsync(donor => calls.CheckAsync(
            from parent in FuzzValues.NameOf("donors", donor)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(donor)
            select new ListFundedRequestsRequest { Parent = parent, PageSize = size, PageToken = token },
            call => coordinator.ListFundedRequestsAsync(call).ResponseAsync, cases: 20));

    /// <summary>Runs <paramref name="check"/> on the donor of the pledge pool, then gives the pool's allocations back.</summary>
    private async Task WithPooledDonorAsync(Func<string, Task> check)
    {
        var (pledges, allocations) = await PledgePoolAsync();
        await check(ParentOf(pledges[0].Name));
        await ReleaseAsync(allocations);
    }

    /// <summary>The public file's pages, asked for by an app (the gateway's public route): any page size or token is answered or refused cleanly.</summary>
    private Task ExportPublicIatiActivitiesAsync() =>
        calls.CheckAsync(
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageToken
            select new ExportPublicIatiActivitiesRequest { PageSize = size, PageToken = token },
            call => assistance.ExportPublicIatiActivitiesAsync(call).ResponseAsync, cases: 20);

    /// <summary>The public registry's pages with any filter, page size or token, asked for by an app.</summary>
    private Task ListPublishedProjectsAsync() =>
        calls.CheckAsync(
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageToken
            from state in FuzzValues.Country
            from area in FuzzValues.Enum<ThematicArea>()
            from status in Gen.OneOf(Gen.Choose(-2, 8), Gen.Elements(int.MinValue, int.MaxValue))
            select new ListPublishedProjectsRequest { PageSize = size, PageToken = token, RequestingState = state, ThematicArea = area, IatiActivityStatus = status },
            call => assistance.ListPublishedProjectsAsync(call).ResponseAsync, cases: 20);

    /// <summary>One project of the public registry by any name, asked for by an app: a published project, another's, unknown ones and noise.</summary>
    private async Task GetPublishedProjectAsync()
    {
        var published = await scenario.PublishedProjectAsync();
        var identifier = (await assistance.ListPublishedProjectsAsync(new ListPublishedProjectsRequest { PageSize = 500 })).Projects
            .Single(project => project.Title == published.Title).IatiIdentifier;
        await calls.CheckAsync(
            from name in Gen.OneOf(
                Gen.Elements($"projects/{identifier}", $"projects/{identifier}".ToUpperInvariant(), $"projects/{identifier[..^1]}", "projects/", ""),
                FuzzValues.Text.Select(text => "projects/" + text),
                FuzzValues.Text)
            select new GetPublishedProjectRequest { Name = name },
            call => assistance.GetPublishedProjectAsync(call).ResponseAsync, cases: 30);
    }

    private async Task CreateDisbursementAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements([.. allocations.Select(allocation => allocation.Name)]), FuzzValues.NameOf("allocations", [.. allocations.Select(allocation => allocation.Name)]))
            from amount in FuzzValues.Mostly(
                Gen.OneOf(
                    FuzzValues.SmallAmount().Select(money => (Money?)new Money { CurrencyCode = money!.CurrencyCode, Units = money.Units / 100, Nanos = money.Nanos | 1 }),
                    Gen.Elements<Money?>(new Money { CurrencyCode = "USD", Units = 500 }, new Money { CurrencyCode = "EUR", Units = 1 })),
                FuzzValues.Amount)
            from day in FuzzValues.Mostly(FuzzValues.DayWithin(-30, 0), FuzzValues.CalendarDate)
            from description in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, false, true)
            select new CreateDisbursementRequest
            {
                Parent = parent,
                Disbursement = omitted ? null : new Disbursement { Amount = amount, DisbursementDate = day, Description = description },
                RequestId = requestId,
            };

        await calls.CheckAsync(requests,
            async request =>
            {
                var created = (await coordinator.CreateDisbursementAsync(request)).Disbursement;
                var listed = await coordinator.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = request.Parent, PageSize = 500 });
                Assert.Contains(created, listed.Disbursements);
                Assert.Equal((request.Disbursement.Amount, request.Disbursement.DisbursementDate), (created.Amount, created.DisbursementDate));
            },
            request => ReadAllocationAsync(request.Parent));
    }

    private async Task ListDisbursementsAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        var allocation = allocations[0].Name;
        await coordinator.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = 1 }, DisbursementDate = FundingScenario.Today },
        });
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf("allocations", allocation)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(allocation)
            select new ListDisbursementsRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListDisbursementsAsync(request).ResponseAsync, cases: 40);
    }

    private async Task LoadExchangeRatesAsync()
    {
        var rate =
            from currency in FuzzValues.Mostly(Gen.Elements("ISK", "MNT", "KZT"), RateCurrency)
            from day in FuzzValues.Mostly(FuzzValues.DayWithin(-3000, 3000), FuzzValues.CalendarDate)
            from value in FuzzValues.Mostly(
                FuzzValues.SmallAmount(),
                Gen.OneOf(
                    FuzzValues.Amount,
                    from units in FuzzValues.Units from nanos in FuzzValues.Nanos select (Money?)new Money { CurrencyCode = "USD", Units = units, Nanos = nanos }))
            select new ExchangeRate { CurrencyCode = currency, EffectiveDate = day, Rate = value };
        var requests = FuzzValues.Mostly(rate.ArrayOf().Select(rates => rates.Take(4).ToArray()), rate.ArrayOf())
            .Select(rates => new LoadExchangeRatesRequest { ExchangeRates = { rates } });

        await calls.CheckAsync(requests, async request =>
        {
            var loaded = await coordinator.LoadExchangeRatesAsync(request);
            Assert.Equal(request.ExchangeRates.Count, loaded.LoadedCount);
            foreach (var row in request.ExchangeRates)
            {
                var listed = await coordinator.ListExchangeRatesAsync(new ListExchangeRatesRequest { CurrencyCode = row.CurrencyCode });
                Assert.Contains(row, listed.ExchangeRates);
            }
        });
    }

    private async Task ListExchangeRatesAsync() =>
        await calls.CheckAsync(Gen.OneOf(RateCurrency, FuzzValues.Currency).Select(currency => new ListExchangeRatesRequest { CurrencyCode = currency }),
            request => coordinator.ListExchangeRatesAsync(request).ResponseAsync, cases: 30);

    private async Task GetRequestFundingAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        var request = await scenario.RequestAsync();
        var pledge = await scenario.PledgeAsync(100);
        await coordinator.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }));
        try
        {
            // One request whose kept total is beyond google.type.Money's range, as totals kept before MoneyLimits could be.
            await using var beyondRange = await TotalsBeyondRange.RequestAsync(suite, request.Name.Split('/')[1], pledge.Name.Split('/')[1]);
            await calls.CheckAsync(
                from assistanceRequest in FuzzValues.Mostly(Gen.Elements(allocations[0].AssistanceRequest, request.Name), FuzzValues.NameOf("requests", allocations[0].AssistanceRequest, request.Name))
                from asOf in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Date?>(null), FuzzValues.DayWithin(-400, 400)), FuzzValues.CalendarDate)
                select new GetRequestFundingRequest { AssistanceRequest = assistanceRequest, AsOf = asOf },
                call => coordinator.GetRequestFundingAsync(call).ResponseAsync, cases: 40);
        }
        finally
        {
            await ReleaseAsync(allocations);
        }
    }

    private async Task GetFundingSummaryAsync()
    {
        var summaries = FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Date?>(null), FuzzValues.DayWithin(-400, 400)), FuzzValues.CalendarDate)
            .Select(asOf => new GetFundingSummaryRequest { AsOf = asOf });
        await calls.CheckAsync(summaries, request => coordinator.GetFundingSummaryAsync(request).ResponseAsync, cases: 15);
        await using var beyondRange = await TotalsBeyondRange.ProgrammeAsync(suite);
        await calls.CheckAsync(summaries, request => coordinator.GetFundingSummaryAsync(request).ResponseAsync, cases: 5);
    }

    /// <summary>
    /// The request has no fields: its input is what is stored. Requests and donors whose texts are
    /// any the validators accept (noncharacters, markup, tabs and line feeds; control and format
    /// characters are refused) are funded, with any thematic areas, working languages, planned
    /// dates, budgets and payouts, and the export must pass the IATI schema, the IATI Standard
    /// ruleset and the IATI code lists (<see cref="Funding.Iati.IatiValidation"/>).
    /// </summary>
    private async Task ExportIatiActivitiesAsync()
    {
        var texts = Gen.OneOf(Gen.Elements("tab\tand\nnewline", "\uFFFF", "<&>\"'", "Ωmrḥbā 中文 مرحبا"), FuzzValues.Text)
            .Where(text => !string.IsNullOrWhiteSpace(text) && text.Length <= 200 && FreeText.Accept(text, out _) == text);
        var allocations = new List<Allocation>();
        try
        {
            var activities =
                from text in texts
                from themes in Gen.SubListOf(Enum.GetValues<ThematicArea>().Skip(1).ToArray()).Where(themes => themes.Count > 0)
                from languages in Gen.SubListOf("ar", "en", "es", "fr", "ru", "zh").Where(list => list.Count > 0)
                from start in FuzzValues.DayWithin(-800, 800)
                from days in Gen.Choose(1, 1_500)
                from budget in Gen.Choose(1, 2_000_000)
                from nanos in Gen.Elements(0, 1, 500_000_000, 999_999_999)
                from paidOut in Gen.Choose(0, 10)
                select (text, themes, languages, start, days, budget, nanos, paidOut);
            var deliveries =
                from baselineAgo in Gen.Choose(1, 800)
                from targetAfter in Gen.Choose(1, 1_500)
                from value in Gen.Choose(0, 1_000_000_000)
                from divisor in Gen.Elements(1.0, 3.0, 1_000.0)
                from measured in Gen.Choose(0, 3)
                from eventStart in Gen.Choose(-400, 30)
                from eventDays in Gen.Choose(0, 60)
                from received in Gen.Choose(0, 99)
                from receivedNanos in Gen.Elements(0, 1, 999_999_999)
                select new FuzzedDelivery(baselineAgo, targetAfter, value / divisor, measured, eventStart, eventDays, received, receivedNanos);
            var delivered = new Queue<FuzzedDelivery>(FuzzValues.Sample(deliveries, 6));
            foreach (var (text, themes, languages, start, days, budget, nanos, paidOut) in FuzzValues.Sample(activities, 6))
            {
                var request = RequestLifecycleDriver.CompleteRequest(title: text);
                request.Description = text;
                request.ThematicAreas.Clear();
                request.ThematicAreas.Add(themes);
                request.Languages.Clear();
                request.Languages.Add(languages);
                request.DesiredStart = start;
                var end = new System.DateTime(start!.Year, start.Month, start.Day).AddDays(days);
                request.DesiredEnd = FundingScenario.FromDateTime(end);
                request.IndicativeBudget = new Money { CurrencyCode = "EUR", Units = budget, Nanos = nanos };
                var approved = await scenario.ConsentToPublishAsync(
                    await new RequestLifecycleDriver(scenario.Assistance).CreateInStateAsync(Contracts.Assistance.V1.AssistanceRequest.Types.State.Approved, request));
                var delivery = delivered.Dequeue();
                await scenario.Assistance.CreateOutcomeAsync(new Contracts.Assistance.V1.CreateOutcomeRequest { Parent = approved.Name, Outcome = delivery.Outcome(text) });
                await training.RecordDeliveryEventAsync(delivery.Event(approved.Name));
                var donor = (await coordinator.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(text, "XM-DAC-8") })).Donor;
                var pledged = (await coordinator.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(100) })).Pledge;
                var pledge = (await coordinator.CommitPledgeAsync(new CommitPledgeRequest { Name = pledged.Name })).Pledge;
                var allocation = (await coordinator.CreateAllocationAsync(FundingScenario.Allocation(pledge, approved, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
                allocations.Add(allocation);
                if (delivery.Received is { } received)
                {
                    await coordinator.CreateContributionAsync(new CreateContributionRequest
                    {
                        Parent = pledge.Name,
                        Contribution = new Contribution { Amount = received, ReceivedDate = FundingScenario.Today },
                    });
                }

                if (paidOut > 0)
                {
                    await coordinator.CreateDisbursementAsync(new CreateDisbursementRequest
                    {
                        Parent = allocation.Name,
                        Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = paidOut }, DisbursementDate = FundingScenario.Today },
                    });
                }
            }

            await calls.CheckAsync(Gen.Constant(new ExportIatiActivitiesRequest()), async request =>
            {
                var export = await coordinator.ExportIatiActivitiesAsync(request);
                Assert.Empty(Funding.Iati.IatiValidation.Problems(export.Xml));
            }, cases: 2);
        }
        finally
        {
            await ReleaseAsync(allocations);
        }
    }

    /// <summary>
    /// Pledges of one donor (pledged, committed, cancelled, earmarked to Asia, expired, another
    /// currency) and two active allocations to an approved request, one of them partly disbursed.
    /// </summary>
    /// <summary>A request with money allocated is refused; any other is closed, and closing it again under the same id changes nothing.</summary>
    private async Task CloseRequestFundingAsync()
    {
        var (_, allocations) = await PledgePoolAsync();
        var unfunded = await scenario.RequestAsync();
        await calls.CheckAsync(
            from assistanceRequest in FuzzValues.Mostly(Gen.Elements(unfunded.Name, allocations[0].AssistanceRequest), FuzzValues.NameOf("requests", unfunded.Name))
            from closureId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.Text)
            select new CloseRequestFundingRequest { AssistanceRequest = assistanceRequest, ClosureId = closureId },
            async request =>
            {
                await assistance.CloseRequestFundingAsync(request);
                Assert.NotEqual(allocations[0].AssistanceRequest, request.AssistanceRequest);
                await assistance.CloseRequestFundingAsync(request);
                await assistance.ReopenRequestFundingAsync(new ReopenRequestFundingRequest { AssistanceRequest = request.AssistanceRequest, ClosureId = request.ClosureId });
            },
            cases: 40);
        await ReleaseAsync(allocations);
    }

    private async Task ReopenRequestFundingAsync()
    {
        var target = await scenario.RequestAsync();
        await calls.CheckAsync(
            from assistanceRequest in FuzzValues.Mostly(Gen.Elements(target.Name), FuzzValues.NameOf("requests", target.Name))
            from closureId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.Text)
            select new ReopenRequestFundingRequest { AssistanceRequest = assistanceRequest, ClosureId = closureId },
            request => assistance.ReopenRequestFundingAsync(request).ResponseAsync,
            cases: 40);
    }

    private async Task<(IReadOnlyList<Pledge> Pledges, IReadOnlyList<Allocation> Allocations)> PledgePoolAsync()
    {
        var donor = await scenario.DonorAsync();
        var pledges = new List<Pledge>();
        async Task<Pledge> PledgeAsync(Pledge pledge) =>
            (await coordinator.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = pledge })).Pledge;

        var pledged = await PledgeAsync(SampleData.Pledge(1_000));
        var committed = (await coordinator.CommitPledgeAsync(new CommitPledgeRequest { Name = (await PledgeAsync(SampleData.Pledge(1_000))).Name })).Pledge;
        var cancelled = (await coordinator.CancelPledgeAsync(new CancelPledgeRequest { Name = (await PledgeAsync(SampleData.Pledge(1_000))).Name })).Pledge;
        var earmarked = SampleData.Pledge(1_000);
        earmarked.Earmarks = new Earmarks { Regions = { "142" }, ThematicAreas = { ThematicArea.Legislation } };
        var expired = SampleData.Pledge(1_000);
        expired.ValidFrom = FuzzValues.Day(System.DateTime.UtcNow.AddDays(-60));
        expired.ValidUntil = FuzzValues.Day(System.DateTime.UtcNow.AddDays(-30));
        pledges.AddRange([pledged, committed, cancelled, await PledgeAsync(earmarked), await PledgeAsync(expired), await PledgeAsync(SampleData.Pledge(1_000, "EUR"))]);

        var request = await scenario.RequestAsync();
        var allocations = new List<Allocation>();
        foreach (var units in new[] { 400L, 300L })
        {
            allocations.Add((await coordinator.CreateAllocationAsync(FundingScenario.Allocation(committed, request, new Money { CurrencyCode = "USD", Units = units }))).Allocation);
        }

        await coordinator.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocations[1].Name,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = 100 }, DisbursementDate = FundingScenario.Today },
        });
        for (var i = 0; i < pledges.Count; i++)
        {
            pledges[i] = (Pledge)(await ReadPledgeAsync(pledges[i].Name))!;
        }

        return (pledges, allocations);
    }

    /// <summary>Releases what is still active and undisbursed, so that programme totals other tests read stay small.</summary>
    private async Task ReleaseAsync(IEnumerable<Allocation> allocations)
    {
        foreach (var allocation in allocations)
        {
            if (await ReadAllocationAsync(allocation.Name) is Allocation { State: Allocation.Types.State.Active } current
                && current.Disbursed is null or { Units: 0, Nanos: 0 })
            {
                await coordinator.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = current.Name });
            }
        }
    }

    private static string ParentOf(string name) => name[..name.LastIndexOf('/', name.LastIndexOf('/') - 1)];

    private async Task<IMessage?> ReadDonorAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetDonorAsync(new GetDonorRequest { Name = name })).Donor);

    private async Task<IMessage?> ReadPledgeAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetPledgeAsync(new GetPledgeRequest { Name = name })).Pledge);

    private async Task<IMessage?> ReadAllocationAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetAllocationAsync(new GetAllocationRequest { Name = name })).Allocation);
}
