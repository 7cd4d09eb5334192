using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// The callers of the seat hold tests: a coordinator through the gateway, the assistance service
/// as itself (straight to training, as Dapr relays it), and member states.
/// </summary>
internal sealed class SeatHoldSetup(SuiteFixture suite)
{
    public TrainingService.TrainingServiceClient Coordinator { get; } = new(suite.Gateway);

    /// <summary>The assistance service calling as itself, as it confirms and releases the holds of its offers.</summary>
    public TrainingService.TrainingServiceClient Assistance { get; } = new(suite.Channel(suite.TrainingAddress, suite.ServiceTokens.MintFor("assistance")));

    public TrainingSetup Training => new(Coordinator);

    public TrainingService.TrainingServiceClient MemberState(string country) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, $"focal-point-{country.ToLowerInvariant()}", country)));

    public async Task<SeatHold> HoldAsync(Session session, string country, int seats, string requestId = "") =>
        (await Coordinator.CreateSeatHoldAsync(new CreateSeatHoldRequest
        {
            Parent = session.Name,
            SeatHold = new SeatHold { Country = country, Seats = seats },
            RequestId = requestId,
        })).SeatHold;

    public async Task<SeatHold> ConfirmAsync(SeatHold hold) =>
        (await Assistance.ConfirmSeatHoldAsync(new ConfirmSeatHoldRequest { Name = hold.Name })).SeatHold;

    public async Task<SeatHold> ReleaseAsync(SeatHold hold) =>
        (await Assistance.ReleaseSeatHoldAsync(new ReleaseSeatHoldRequest { Name = hold.Name })).SeatHold;

    /// <summary>Enrolled by the coordinator, who may enrol any nationality.</summary>
    public async Task<Enrolment> EnrolAsync(Session session, string email, string nationality)
    {
        var enrolment = SampleData.Enrolment(email);
        enrolment.Nationality = nationality;
        return (await Coordinator.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = enrolment })).Enrolment;
    }

    public async Task<Session> ReadAsync(Session session) =>
        (await Coordinator.GetSessionAsync(new GetSessionRequest { Name = session.Name })).Session;

    public async Task<SeatHold> ReadAsync(SeatHold hold) =>
        (await Coordinator.GetSeatHoldAsync(new GetSeatHoldRequest { Name = hold.Name })).SeatHold;
}
