using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using ConventionState = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The states' statuses toward the Convention, a code list coordinators keep: dates that fit the
/// status, none before the Convention opened for signature (25 October 2025) or in the future;
/// read by every role, written by coordinators only.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ConventionStatusTests(SuiteFixture suite)
{
    private static readonly Date Opening = new() { Year = 2025, Month = 10, Day = 25 };
    private static readonly Date Later = new() { Year = 2025, Month = 12, Day = 1 };

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "convention-coordinator");

    public static UpdateConventionStatusRequest Upsert(string country, ConventionState status, Date? signature = null, Date? consent = null, string etag = "") => new()
    {
        ConventionStatus = new ConventionStatus
        {
            Name = $"conventionStatuses/{country}", Status = status, SignatureDate = signature, ConsentDate = consent, Source = "test", Etag = etag,
        },
        UpdateMask = new FieldMask { Paths = { "*" } },
        AllowMissing = true,
    };

    [Fact]
    public async Task A_coordinator_creates_and_changes_a_status_that_every_role_reads()
    {
        var signed = (await coordinator.UpdateConventionStatusAsync(Upsert("LSO", ConventionState.Signatory, signature: Opening))).ConventionStatus;
        var party = (await coordinator.UpdateConventionStatusAsync(Upsert("LSO", ConventionState.Party, signature: Opening, consent: Later, etag: signed.Etag))).ConventionStatus;

        Assert.Equal(("conventionStatuses/LSO", ConventionState.Party, Later), (party.Name, party.Status, party.ConsentDate));
        Assert.NotEqual(signed.Etag, party.Etag);
        foreach (var (role, subject, country, donor) in new (CallerRole, string, string?, string?)[]
        {
            (CallerRole.MemberState, "convention-focal-point", "GHA", null), (CallerRole.Donor, "convention-donor", null, "convention-donor"),
            (CallerRole.Auditor, "convention-auditor", null, null),
        })
        {
            var reader = IntakeClients.As(suite, role, subject, country, donor);
            Assert.Equal(party, (await reader.GetConventionStatusAsync(new GetConventionStatusRequest { Name = party.Name })).ConventionStatus);
            Assert.Contains(party, await ListAllAsync(reader));
            await RichErrors.FailsWith(StatusCode.PermissionDenied, () => reader.UpdateConventionStatusAsync(Upsert("LSO", ConventionState.None)).ResponseAsync);
        }
    }

    [Fact]
    public async Task The_list_is_paged_in_country_order()
    {
        foreach (var country in (string[])["BWA", "LSO", "NAM"])
        {
            await coordinator.UpdateConventionStatusAsync(Upsert(country, ConventionState.None));
        }

        var listed = (await ListAllAsync(coordinator, pageSize: 1)).Select(status => status.Name).ToList();

        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Equal(listed.Distinct(), listed);
        Assert.Contains("conventionStatuses/NAM", listed);
    }

    [Fact]
    public async Task Without_allow_missing_a_state_with_no_status_is_not_found_and_a_stale_etag_is_aborted()
    {
        var request = Upsert("SWZ", ConventionState.None);
        request.AllowMissing = false;
        await RichErrors.FailsWith(StatusCode.NotFound, () => coordinator.UpdateConventionStatusAsync(request).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => coordinator.GetConventionStatusAsync(new GetConventionStatusRequest { Name = "conventionStatuses/SWZ" }).ResponseAsync);

        await coordinator.UpdateConventionStatusAsync(Upsert("SWZ", ConventionState.None));
        await RichErrors.FailsWith(StatusCode.Aborted, () => coordinator.UpdateConventionStatusAsync(Upsert("SWZ", ConventionState.None, etag: "stale")).ResponseAsync);
    }

    public static TheoryData<string, UpdateConventionStatusRequest, string[]> Inconsistent => new()
    {
        { "none with a signature", Upsert("BWA", ConventionState.None, signature: Opening), ["convention_status.signature_date"] },
        { "none with a consent", Upsert("BWA", ConventionState.None, consent: Later), ["convention_status.consent_date"] },
        { "signatory without a signature", Upsert("BWA", ConventionState.Signatory), ["convention_status.signature_date"] },
        { "signatory with a consent", Upsert("BWA", ConventionState.Signatory, signature: Opening, consent: Later), ["convention_status.consent_date"] },
        { "party without a consent", Upsert("BWA", ConventionState.Party, signature: Opening), ["convention_status.consent_date"] },
        { "signed after it ratified", Upsert("BWA", ConventionState.Party, signature: Later, consent: Opening), ["convention_status.signature_date"] },
        { "signed before the opening", Upsert("BWA", ConventionState.Signatory, signature: new Date { Year = 2025, Month = 10, Day = 24 }), ["convention_status.signature_date"] },
        { "ratified in the future", Upsert("BWA", ConventionState.Party, consent: new Date { Year = 2999, Month = 1, Day = 1 }), ["convention_status.consent_date"] },
        { "not a calendar day", Upsert("BWA", ConventionState.Signatory, signature: new Date { Year = 2025, Month = 11, Day = 31 }), ["convention_status.signature_date"] },
        { "no status", Upsert("BWA", ConventionState.Unspecified), ["convention_status.status"] },
        { "not a country", Upsert("XXX", ConventionState.None), ["convention_status.name"] },
    };

    [Theory]
    [MemberData(nameof(Inconsistent))]
    public async Task A_status_whose_dates_do_not_fit_is_refused_naming_the_field(string why, UpdateConventionStatusRequest request, string[] fields)
    {
        var exception = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => coordinator.UpdateConventionStatusAsync(request).ResponseAsync);

        Assert.True(fields.SequenceEqual(exception.ViolatedFields()), $"{why}: {string.Join(", ", exception.ViolatedFields())}");
    }

    [Fact]
    public async Task A_party_by_accession_needs_no_signature()
    {
        var party = (await coordinator.UpdateConventionStatusAsync(Upsert("NAM", ConventionState.Party, consent: Later))).ConventionStatus;

        Assert.Null(party.SignatureDate);
        Assert.Equal(Later, party.ConsentDate);
    }

    private static async Task<List<ConventionStatus>> ListAllAsync(AssistanceService.AssistanceServiceClient client, int pageSize = 0)
    {
        var found = new List<ConventionStatus>();
        var token = "";
        do
        {
            var page = await client.ListConventionStatusesAsync(new ListConventionStatusesRequest { PageSize = pageSize, PageToken = token });
            found.AddRange(page.ConventionStatuses);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return found;
    }
}
