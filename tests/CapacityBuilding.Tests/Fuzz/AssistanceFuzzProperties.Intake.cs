using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using FsCheck;
using FsCheck.Fluent;
using Google.Type;
using ConventionState = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>The intake methods' properties: overlaps, Convention statuses and the dashboards' reports.</summary>
internal sealed partial class AssistanceFuzzProperties
{
    private static readonly string[] ConventionStatusFields = ["status", "signature_date", "consent_date", "source"];

    /// <summary>Baselines that keep the rules: some of the request's areas, once each, levels 1 to 5.</summary>
    private static Gen<NeedsBaseline[]> BaselinesOf(ThematicArea[] areas) =>
        from chosen in Gen.SubListOf(areas.Distinct().ToArray())
        from levels in Gen.Choose(1, 5).ArrayOf(chosen.Count)
        select chosen.Select((area, i) => new NeedsBaseline { ThematicArea = area, Level = levels[i], Note = "self-assessed" }).ToArray();

    /// <summary>Baselines of any shape: any area, any level, any note.</summary>
    private static Gen<NeedsBaseline[]> AnyBaselines =>
        (from area in FuzzValues.ThematicArea
         from level in Gen.OneOf(Gen.Choose(-2, 8), Gen.Elements(int.MinValue, int.MaxValue))
         from note in FuzzValues.Text
         select new NeedsBaseline { ThematicArea = area, Level = level, Note = note }).ArrayOf();

    private async Task FindOverlapsAsync()
    {
        var pool = await PoolAsync();
        await calls.CheckAsync(
            FuzzValues.NameOf("requests", [.. pool.Select(request => request.Name)]).Select(name => new FindAssistanceRequestOverlapsRequest { Name = name }),
            request => coordinator.FindAssistanceRequestOverlapsAsync(request).ResponseAsync,
            cases: 30);
    }

    private async Task GetConventionStatusAsync()
    {
        var known = (await StatusOfAsync("GHA")).Name;
        await calls.CheckAsync(
            FuzzValues.NameOf("conventionStatuses", known).Select(name => new GetConventionStatusRequest { Name = name }),
            request => memberState.GetConventionStatusAsync(request).ResponseAsync,
            cases: 30);
    }

    private async Task ListConventionStatusesAsync()
    {
        await StatusOfAsync("GHA");
        var requests =
            from size in FuzzValues.Mostly(Gen.Choose(0, 5), FuzzValues.PageSize)
            from token in FuzzValues.Mostly(Gen.Constant(""), FuzzValues.PageTokenFor("conventionStatuses"))
            select new ListConventionStatusesRequest { PageSize = size, PageToken = token };
        await calls.CheckAsync(requests, request => memberState.ListConventionStatusesAsync(request).ResponseAsync);
    }

    private async Task UpdateConventionStatusAsync()
    {
        var known = await StatusOfAsync("VNM");
        var days =
            from offset in Gen.Choose(0, (System.DateTime.UtcNow.Date - new System.DateTime(2025, 10, 25)).Days)
            select (Date?)FuzzValues.Day(new System.DateTime(2025, 10, 25).AddDays(offset));
        var requests =
            from name in FuzzValues.Mostly(Gen.Elements(known.Name, "conventionStatuses/PRY", "conventionStatuses/KEN"), FuzzValues.NameOf("conventionStatuses", known.Name))
            from etag in FuzzValues.Mostly(Gen.Constant(""), FuzzValues.Etag(known.Etag))
            from status in FuzzValues.Mostly(FuzzValues.DefinedEnum<ConventionState>(), FuzzValues.Enum<ConventionState>())
            from signature in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Date?>(null), days), FuzzValues.CalendarDate)
            from consent in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Date?>(null), days), FuzzValues.CalendarDate)
            from source in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
            from mask in FuzzValues.Mostly(Gen.Constant<FieldMask?>(new FieldMask { Paths = { "*" } }), FuzzValues.Mask(ConventionStatusFields))
            from allowMissing in Gen.Elements(true, false)
            select new UpdateConventionStatusRequest
            {
                ConventionStatus = new ConventionStatus
                {
                    Name = name, Etag = etag, Status = status, SignatureDate = signature, ConsentDate = consent, Source = source,
                },
                UpdateMask = mask,
                AllowMissing = allowMissing,
            };
        await calls.CheckAsync(requests,
            async request =>
            {
                var updated = (await coordinator.UpdateConventionStatusAsync(request)).ConventionStatus;
                Assert.Equal(updated, await ReadStatusAsync(updated.Name));
            },
            request => ReadStatusAsync(request.ConventionStatus.Name));
    }

    private async Task GetConventionCoverageAsync()
    {
        await Driver.CreateInStateAsync(AssistanceRequest.Types.State.Submitted);
        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(FuzzValues.Mostly(Gen.Elements("", "GHA"), FuzzValues.Country).Select(state => new GetConventionCoverageRequest { RequestingState = state }),
                request => client.GetConventionCoverageAsync(request).ResponseAsync, cases: 20);
        }
    }

    private async Task GetPipelineReportAsync()
    {
        await Driver.CreateAsync();
        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(FuzzValues.Mostly(Gen.Elements("", "GHA"), FuzzValues.Country).Select(state => new GetPipelineReportRequest { RequestingState = state }),
                request => client.GetPipelineReportAsync(request).ResponseAsync, cases: 20);
        }
    }

    private async Task GetBudgetTotalsAsync()
    {
        await Driver.CreateAsync();
        await calls.CheckAsync(Gen.Constant(new GetBudgetTotalsRequest()), request => coordinator.GetBudgetTotalsAsync(request).ResponseAsync, cases: 5);
    }

    /// <summary>The country's status, made a signatory of the opening day when it has none.</summary>
    private async Task<ConventionStatus> StatusOfAsync(string country) =>
        (await coordinator.UpdateConventionStatusAsync(new UpdateConventionStatusRequest
        {
            ConventionStatus = new ConventionStatus
            {
                Name = $"conventionStatuses/{country}", Status = ConventionState.Signatory,
                SignatureDate = new Date { Year = 2025, Month = 10, Day = 25 }, Source = "fuzz",
            },
            UpdateMask = new FieldMask { Paths = { "*" } },
            AllowMissing = true,
        })).ConventionStatus;

    private async Task<Google.Protobuf.IMessage?> ReadStatusAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetConventionStatusAsync(new GetConventionStatusRequest { Name = name })).ConventionStatus);
}
