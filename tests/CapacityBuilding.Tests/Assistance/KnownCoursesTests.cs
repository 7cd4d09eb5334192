using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Assistance remembers the courses training confirmed (Training/KnownCourses.cs), which is
/// sound only while training cannot delete a course.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class KnownCoursesTests(SuiteFixture suite)
{
    [Fact]
    public void Training_has_no_way_to_delete_a_course()
    {
        var removals = TrainingService.Descriptor.Methods
            .Where(method => method.Name.StartsWith("Delete", StringComparison.Ordinal) || method.Name.StartsWith("Purge", StringComparison.Ordinal))
            .Select(method => method.Name);

        Assert.True(!removals.Any(), $"Training can now remove courses ({string.Join(", ", removals)}): assistance's KnownCourses would accept deleted ones.");
    }

    [Fact]
    public async Task A_confirmed_course_needs_no_call_to_training_and_a_new_one_still_does()
    {
        var catalogue = new TrainingService.TrainingServiceClient(suite.Gateway);
        var seen = (await catalogue.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("seen")) })).Course;
        var unseen = (await catalogue.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("unseen")) })).Course;
        var trainingAddress = SuiteFixture.Loopback(FreePort.Next());
        var training = await suite.StartExtraServiceAsync("training", trainingAddress, new Dictionary<string, string>());
        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(trainingAddress));
        await using (process)
        {
            var assistance = new AssistanceService.AssistanceServiceClient(channel);
            await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("first"), seen.Name) });

            await training.DisposeAsync();

            var again = await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("again"), seen.Name) });
            Assert.Equal([seen.Name], again.AssistanceRequest.Courses);
            await RichErrors.FailsWith(StatusCode.Unavailable, () => assistance.CreateAssistanceRequestAsync(
                new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("new"), seen.Name, unseen.Name) },
                deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
        }
    }
}
