using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Reflection.V1;

namespace CapacityBuilding.Tests.Gateway;

/// <summary>Each resource created and read back with a real gRPC client through the gateway only.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayGrpcTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Gateway);
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);

    [Fact]
    public async Task Course_is_created_read_and_listed()
    {
        var sent = SampleData.Course(SampleData.UniqueTitle("Cryptocurrency tracing"));

        var created = (await training.CreateCourseAsync(new CreateCourseRequest { Course = sent })).Course;
        var read = (await training.GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course;
        var listed = (await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 500 })).Courses;

        Assert.Matches("^courses/[0-9a-f]{32}$", created.Name);
        Assert.Equal(sent.Title, read.Title);
        Assert.Equal(sent.ThematicAreas, read.ThematicAreas);
        Assert.Equal(sent.Languages, read.Languages);
        Assert.NotEmpty(read.Etag);
        Assert.Equal(created, read);
        Assert.Contains(listed, course => course.Name == created.Name);
    }

    [Fact]
    public async Task Request_referring_to_a_course_is_created_as_a_draft_and_read()
    {
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course() })).Course;
        var sent = SampleData.Request(SampleData.UniqueTitle("Forensics lab"), course.Name);

        var created = (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = sent })).AssistanceRequest;
        var read = (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = created.Name })).AssistanceRequest;

        Assert.Matches("^requests/[0-9a-f]{32}$", created.Name);
        Assert.Equal(AssistanceRequest.Types.State.Draft, read.State);
        Assert.Equal("GHA", read.RequestingState);
        Assert.Equal([course.Name], read.Courses);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task Donor_and_its_pledge_are_created_read_and_listed()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor() })).Donor;
        var pledge = (await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(1_500_000, "EUR") })).Pledge;

        var readDonor = (await funding.GetDonorAsync(new GetDonorRequest { Name = donor.Name })).Donor;
        var readPledge = (await funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;
        var listed = (await funding.ListPledgesAsync(new ListPledgesRequest { Parent = donor.Name })).Pledges;

        Assert.Equal(donor, readDonor);
        Assert.StartsWith(donor.Name + "/pledges/", pledge.Name, StringComparison.Ordinal);
        Assert.Equal("EUR", readPledge.Amount.CurrencyCode);
        Assert.Equal(1_500_000, readPledge.Amount.Units);
        Assert.Equal([pledge], listed);
    }

    [Fact]
    public async Task Reflection_through_the_gateway_lists_every_public_service()
    {
        var reflection = new ServerReflection.ServerReflectionClient(suite.Gateway);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name).ToList();

        Assert.Contains("capacitybuilding.assistance.v1.AssistanceService", services);
        Assert.Contains("capacitybuilding.training.v1.TrainingService", services);
        Assert.Contains("capacitybuilding.funding.v1.FundingService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Reflection_through_the_gateway_describes_a_method_s_messages()
    {
        var reflection = new ServerReflection.ServerReflectionClient(suite.Gateway);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "capacitybuilding.assistance.v1.AssistanceService" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();

        Assert.Contains("capacitybuilding/assistance/v1/assistance_service.proto", files);
        Assert.Contains("capacitybuilding/assistance/v1/assistance_request.proto", files);
    }

    [Fact]
    public async Task Gateway_health_is_serving_when_every_cluster_is_healthy()
    {
        var health = new Health.HealthClient(suite.Gateway);

        var response = await health.CheckAsync(new HealthCheckRequest());
        var json = await suite.GatewayRest.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        Assert.Contains("\"assistance\":\"Healthy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"training\":\"Healthy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"funding\":\"Healthy\"", json, StringComparison.Ordinal);
    }
}
