using CapacityBuilding.Assistance.Extensions;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Rpc;
using Grpc.Core;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// The training catalogue as the assistance service sees it, reached through the invocation
/// layer. Translates the training service's answers into errors that make sense to the caller of
/// assistance: a missing course is the caller's bad field (training being away is the invocation
/// layer's <see cref="AssistanceApp.TrainingUnreachable"/>).
/// </summary>
public sealed class CourseCatalog(ServiceClientFactory<TrainingClient> training, KnownCourses known, ApiErrors errors)
{
    /// <summary>Throws INVALID_ARGUMENT naming <c>{field}[i]</c> when course i does not exist.</summary>
    public async Task EnsureCoursesExistAsync(IReadOnlyList<string> courseNames, string field, CancellationToken cancellationToken)
    {
        if (courseNames.Count == 0 || known.AllKnown(courseNames))
        {
            return;
        }

        try
        {
            await training.Create().BatchGetCoursesAsync(new BatchGetCoursesRequest { Names = { courseNames } }, cancellationToken: cancellationToken);
            known.Remember(courseNames);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            var missing = exception.GetRpcStatus()?.GetDetail<ResourceInfo>()?.ResourceName;
            var index = missing is null ? -1 : courseNames.ToList().IndexOf(missing);
            throw index < 0
                ? errors.InvalidArgument(field, "refers to a course that does not exist in the training catalogue.")
                : errors.InvalidArgument($"{field}[{index}]", $"{missing} does not exist in the training catalogue.");
        }
    }
}
