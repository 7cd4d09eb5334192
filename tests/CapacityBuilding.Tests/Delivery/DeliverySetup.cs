using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Kind = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.Kind;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>The experts, approved requests and delivery events a delivery test starts from, through the gateway as a coordinator.</summary>
internal sealed class DeliverySetup(SuiteFixture suite, TrainingService.TrainingServiceClient? trainingOverride = null)
{
    public TrainingService.TrainingServiceClient Training { get; } = trainingOverride ?? new(suite.Gateway);

    /// <summary>Days well in the past, so that delivered events can be evaluated and followed up.</summary>
    public static readonly DateOnly LastYear = new(System.DateTime.UtcNow.Year - 1, 3, 2);

    public static Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static Expert Expert(string name = "Ana Pereira", params ThematicArea[] themes) => new()
    {
        DisplayName = name,
        Nationality = "PRT",
        Languages = { "en", "fr" },
        ThematicAreas = { themes.Length > 0 ? themes : [ThematicArea.ElectronicEvidence] },
        ConventionArticles = { 28, 29 },
        PublicOfficial = true,
        Availability = { new DateRange { StartDate = Day(LastYear.AddYears(-1)), EndDate = Day(LastYear.AddYears(3)) } },
        Contact = new ExpertContact { Email = "ana.pereira@pj.example.pt", Phone = "+351 21 000 0000" },
    };

    public async Task<Expert> ExpertAsync(Action<Expert>? change = null)
    {
        var expert = Expert(SampleData.UniqueTitle("Expert"));
        change?.Invoke(expert);
        return (await Training.CreateExpertAsync(new CreateExpertRequest { Expert = expert })).Expert;
    }

    /// <summary>A request of <paramref name="country"/> in <paramref name="state"/> (approved by default).</summary>
    public async Task<AssistanceRequest> RequestAsync(string country = "GHA", RequestState state = RequestState.Approved) =>
        await new RequestLifecycleDriver(new AssistanceService.AssistanceServiceClient(suite.Gateway))
            .CreateInStateAsync(state, RequestLifecycleDriver.CompleteRequest(country));

    public static DeliveryEvent Workshop(string request, DateOnly start, int days = 3, params string[] experts) => new()
    {
        Kind = Kind.Workshop,
        AssistanceRequest = request,
        Title = "Workshop on electronic evidence",
        HostInstitution = "Ghana Police Service",
        StartDate = Day(start),
        EndDate = Day(start.AddDays(days - 1)),
        Location = "Accra, Police Academy",
        Experts = { experts },
    };

    public async Task<DeliveryEvent> EventAsync(string request, DateOnly start, int days = 3, params string[] experts) =>
        (await Training.CreateDeliveryEventAsync(new CreateDeliveryEventRequest { DeliveryEvent = Workshop(request, start, days, experts) })).DeliveryEvent;

    /// <summary>An event of a new approved request, confirmed and delivered last year, with the experts given.</summary>
    public async Task<DeliveryEvent> DeliveredEventAsync(string country = "GHA", params string[] experts)
    {
        var request = await RequestAsync(country);
        var planned = await EventAsync(request.Name, LastYear, 3, experts);
        await Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name });
        return (await Training.CompleteDeliveryEventAsync(new CompleteDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
    }

    public TrainingService.TrainingServiceClient As(CallerRole role, string country = "GHA") =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(role, $"{role}-{country}".ToLowerInvariant(), role == CallerRole.MemberState ? country : null)));
}
