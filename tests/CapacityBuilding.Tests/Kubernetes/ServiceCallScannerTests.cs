using CapacityBuilding.Tests.DaprStandIn;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The scanner on a service written for the test: a new call site is found (through a using
/// alias and a constant app-id, as the services write them), and the policies of k8s/ refuse it,
/// so <see cref="DaprPolicyTests"/> would fail until the callee's Configuration allows it.
/// </summary>
public sealed class ServiceCallScannerTests : IDisposable
{
    private readonly DirectoryInfo services = Directory.CreateTempSubdirectory("capacitybuilding-scanner-");

    [Fact]
    public void A_new_call_site_is_found_and_the_k8s_policies_do_not_allow_it()
    {
        WriteService("CapacityBuilding.Reporting", "ReportingApp.Name", """
            using CourseClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

            public static class ReportingApp
            {
                public const string Name = "funding";
                public const string TrainingAppId = "training";
            }

            public static class Registrations
            {
                public static void Add(IServiceCollection services, IConfiguration configuration) =>
                    services.AddServiceClient<CourseClient>(configuration, ReportingApp.TrainingAppId);
            }

            public sealed class CourseWriter(CourseClient training)
            {
                public Task WriteAsync(CreateCourseRequest request) => training.CreateCourseAsync(request).ResponseAsync;

                public Task ReadAsync(GetCourseRequest request) => training.GetCourseAsync(request).ResponseAsync;
            }
            """);

        var calls = ServiceCallScanner.Scan(services.FullName);

        Assert.Equal(
            [
                new ServiceCall("funding", "training", "/capacitybuilding.training.v1.TrainingService/CreateCourse", false, "CapacityBuilding.Reporting/Code.cs"),
                new ServiceCall("funding", "training", "/capacitybuilding.training.v1.TrainingService/GetCourse", true, "CapacityBuilding.Reporting/Code.cs"),
            ],
            calls);
        var accessControl = DaprAccessControl.FromK8s();
        Assert.All(calls, call => Assert.False(accessControl.Allows(call.CallerAppId, call.CalleeAppId, call.Method)));
    }

    [Fact]
    public void A_client_derived_from_a_generated_one_is_found_under_its_own_name()
    {
        WriteService("CapacityBuilding.Reporting", "\"funding\"", """
            public sealed class CoursesAsService(CallInvoker invoker) : TrainingService.TrainingServiceClient(invoker);

            public static class Registrations
            {
                public static void Add(IServiceCollection services, IConfiguration configuration) =>
                    services.AddServiceClient<CoursesAsService>(configuration, "training").CallAsService("funding");
            }

            public sealed class CourseWriter(ServiceClientFactory<CoursesAsService> training)
            {
                public Task WriteAsync(CreateCourseRequest request) => training.Create().CreateCourseAsync(request).ResponseAsync;
            }
            """);

        var calls = ServiceCallScanner.Scan(services.FullName);

        Assert.Equal(
            [new ServiceCall("funding", "training", "/capacitybuilding.training.v1.TrainingService/CreateCourse", false, "CapacityBuilding.Reporting/Code.cs")],
            calls);
    }

    [Fact]
    public void An_app_id_that_is_not_a_constant_fails_the_scan_rather_than_being_skipped()
    {
        WriteService("CapacityBuilding.Reporting", "\"funding\"", """
            public static class Registrations
            {
                public static void Add(IServiceCollection services, IConfiguration configuration, string target) =>
                    services.AddServiceClient<TrainingService.TrainingServiceClient>(configuration, target);
            }
            """);

        Assert.Throws<InvalidDataException>(() => ServiceCallScanner.Scan(services.FullName));
    }

    public void Dispose() => services.Delete(recursive: true);

    private void WriteService(string project, string appIdExpression, string code)
    {
        var folder = Directory.CreateDirectory(Path.Combine(services.FullName, project)).FullName;
        File.WriteAllText(Path.Combine(folder, "Program.cs"), $"var builder = WebApplication.CreateBuilder(args);\nbuilder.AddServiceDefaults({appIdExpression});\n");
        File.WriteAllText(Path.Combine(folder, "Code.cs"), code);
    }
}
