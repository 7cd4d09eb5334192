using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The role matrix, written here as the specification (M member state, C coordinator, D donor,
/// A auditor) independently of the services' permission tables, and checked cell by cell through
/// the gateway with real tokens: a role the matrix allows is never refused by the permission
/// check, a role it does not allow always is. A method the matrix does not mention fails the
/// test, so every new method needs a decision here (a row without letters: no person at all, the
/// services' own calls). Ownership (whose request, whose pledge) is
/// tested with each service's own tests.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RoleMatrixTests(SuiteFixture suite)
{
    private const string Matrix = """
        AssistanceService/CreateAssistanceRequest        M C
        AssistanceService/GetAssistanceRequest           M C D A
        AssistanceService/ListAssistanceRequests         M C D A
        AssistanceService/UpdateAssistanceRequest        M C
        AssistanceService/SubmitAssistanceRequest        M C
        AssistanceService/WithdrawAssistanceRequest      M C
        AssistanceService/BeginAssistanceRequestReview   C
        AssistanceService/ReviewAssistanceRequest        C
        AssistanceService/StartAssistanceRequestDelivery C
        AssistanceService/CompleteAssistanceRequest      C
        AssistanceService/MatchAssistanceRequestCourses  C
        AssistanceService/ListHistoryEntries             M C A
        AssistanceService/VerifyAssistanceRequestHistory C A
        AssistanceService/RecordDeliveryEvent
        AssistanceService/CreateOutcome                  M C
        AssistanceService/GetOutcome                     M C D A
        AssistanceService/ListOutcomes                   M C D A
        AssistanceService/UpdateOutcome                  M C
        AssistanceService/FindAssistanceRequestOverlaps  C A
        AssistanceService/GetConventionStatus            M C D A
        AssistanceService/ListConventionStatuses         M C D A
        AssistanceService/UpdateConventionStatus         C
        AssistanceService/GetConventionCoverage          M C D A
        AssistanceService/GetPipelineReport              M C D A
        AssistanceService/SetAssistanceRequestPublicationConsent M
        AssistanceService/CreateOffer                    C D
        AssistanceService/GetOffer                       M C D A
        AssistanceService/ListOffers                     M C D A
        AssistanceService/AcceptOffer                    M
        AssistanceService/DeclineOffer                   M
        AssistanceService/WithdrawOffer                  C D
        AssistanceService/SetAssistanceRequestSecuritySensitive C
        AssistanceService/SuspendAssistanceRequest        C
        AssistanceService/ResumeAssistanceRequest         C
        AssistanceService/GetBudgetTotals                 C
        TrainingService/CreateCourse                     C
        TrainingService/UpdateCourse                     C
        TrainingService/GetCourse                        M C D A
        TrainingService/ListCourses                      M C D A
        TrainingService/SearchCourses                    M C D A
        TrainingService/BatchGetCourses                  M C D A
        TrainingService/MatchCourses                     M C A
        TrainingService/CreateSession                    C
        TrainingService/UpdateSession                    C
        TrainingService/GetSession                       M C D A
        TrainingService/ListSessions                     M C D A
        TrainingService/CreateEnrolment                  M C
        TrainingService/CancelEnrolment                  M C
        TrainingService/GetEnrolment                     M C A
        TrainingService/ListEnrolments                   M C A
        TrainingService/CreateEvaluation                 M C
        TrainingService/ListEvaluations                  C A
        TrainingService/GetEvaluationSummary             M C D A
        TrainingService/CreateSeatHold                   C
        TrainingService/GetSeatHold                      M C A
        TrainingService/ListSeatHolds                    M C A
        TrainingService/ConfirmSeatHold
        TrainingService/ReleaseSeatHold                  C
        TrainingService/CreateExpert                     C
        TrainingService/UpdateExpert                     C
        TrainingService/GetExpert                        M C A
        TrainingService/ListExperts                      C A
        TrainingService/MatchExperts                     C A
        TrainingService/CreateDeliveryEvent              C
        TrainingService/UpdateDeliveryEvent              C
        TrainingService/ConfirmDeliveryEvent             C
        TrainingService/CompleteDeliveryEvent            C
        TrainingService/CancelDeliveryEvent              C
        TrainingService/GetDeliveryEvent                 M C A
        TrainingService/ListDeliveryEvents               M C A
        TrainingService/CreateDeliveryEventEvaluation    M C
        TrainingService/ListDeliveryEventEvaluations     M C A
        TrainingService/RecordEvaluationFollowUp         M C
        TrainingService/GetDeliveryEvaluationSummary     M C A
        FundingService/CreateDonor                       C
        FundingService/GetDonor                          C D A
        FundingService/ListDonors                        C D A
        FundingService/CreatePledge                      C D
        FundingService/GetPledge                         C D A
        FundingService/ListPledges                       C D A
        FundingService/CommitPledge                      C
        FundingService/CancelPledge                      C
        FundingService/VerifyPledgeLedger                C A
        FundingService/CreateAllocation                  C D
        FundingService/GetAllocation                     C D A
        FundingService/ListAllocations                   C D A
        FundingService/ReleaseAllocation                 C
        FundingService/CreateDisbursement                C
        FundingService/ListDisbursements                 C D A
        FundingService/LoadExchangeRates                 C
        FundingService/ListExchangeRates                 C D A
        FundingService/GetRequestFunding                 M C D A
        FundingService/CloseRequestFunding
        FundingService/ReopenRequestFunding
        FundingService/GetFundingSummary                 C D A
        FundingService/ExportIatiActivities              C D A
        FundingService/ConfirmAllocation
        FundingService/CreateContribution                C
        FundingService/ListContributions                 C D A
        FundingService/ListOpenNeeds                     C D
        FundingService/ExportPublicIatiActivities
        FundingService/ListPublishedProjects
        FundingService/ListFundedRequests                C D
        FundingService/GetPublishedProject
        """;

    private static readonly Dictionary<char, CallerRole> RolesByLetter = new()
    {
        ['M'] = CallerRole.MemberState,
        ['C'] = CallerRole.Coordinator,
        ['D'] = CallerRole.Donor,
        ['A'] = CallerRole.Auditor,
    };

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static TheoryData<string, string> Cells
    {
        get
        {
            var cells = new TheoryData<string, string>();
            foreach (var method in GatewayClients.Services.SelectMany(service => service.Methods))
            {
                foreach (var role in RolesByLetter.Keys)
                {
                    cells.Add($"{method.Service.Name}/{method.Name}", role.ToString());
                }
            }

            return cells;
        }
    }

    [Fact]
    public void Every_method_of_every_service_has_a_row_and_every_row_a_method()
    {
        var methods = GatewayClients.Services.SelectMany(service => service.Methods).Select(method => $"{method.Service.Name}/{method.Name}").ToHashSet();

        Assert.Equal(methods.Order(), Rows().Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Role_is_allowed_or_refused_exactly_as_the_matrix_says(string method, string roleLetter)
    {
        var role = RolesByLetter[roleLetter[0]];
        var expectedAllowed = Rows().TryGetValue(method, out var roles) && roles.Contains(role);
        var descriptor = GatewayClients.Services.SelectMany(service => service.Methods).Single(candidate => $"{candidate.Service.Name}/{candidate.Name}" == method);
        var invoker = suite.Channel(suite.GatewayGrpcAddress, TokenFor(role)).CreateCallInvoker();
        var call = new Method<byte[], byte[]>(
            descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            descriptor.Service.FullName, descriptor.Name, Bytes, Bytes);

        var status = await StatusOfEmptyCallAsync(invoker, call);

        var refusedByTable = status.StatusCode == StatusCode.PermissionDenied
            && status.Detail.StartsWith("The role ", StringComparison.Ordinal);
        Assert.True(expectedAllowed != refusedByTable,
            $"{method} as {CallerClaims.ClaimValueOf(role)}: expected {(expectedAllowed ? "allowed" : "refused")}, got {status.StatusCode} '{status.Detail}'");
        Assert.NotEqual(StatusCode.Unauthenticated, status.StatusCode);
        Assert.NotEqual(StatusCode.Internal, status.StatusCode);
    }

    private string TokenFor(CallerRole role) => role switch
    {
        CallerRole.MemberState => suite.Tokens.Mint(role, "matrix-member", country: "GHA"),
        CallerRole.Donor => suite.Tokens.Mint(role, "matrix-donor", donorId: "0123456789abcdef0123456789abcdef"),
        _ => suite.Tokens.Mint(role, "matrix-" + CallerClaims.ClaimValueOf(role)),
    };

    private static async Task<Status> StatusOfEmptyCallAsync(CallInvoker invoker, Method<byte[], byte[]> method)
    {
        try
        {
            if (method.Type == MethodType.ServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(method, null, new CallOptions(), []);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                }

                return stream.GetStatus();
            }

            using var unary = invoker.AsyncUnaryCall(method, null, new CallOptions(), []);
            await unary.ResponseAsync;
            return unary.GetStatus();
        }
        catch (RpcException exception)
        {
            return exception.Status;
        }
    }

    private static Dictionary<string, HashSet<CallerRole>> Rows() =>
        Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts.Skip(1).Select(letter => RolesByLetter[letter[0]]).ToHashSet());
}
