using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.Training.Domain.Courses;
using Grpc.Core;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;

namespace CapacityBuilding.Training.Clients;

/// <summary>
/// The requests for assistance events serve, read from the assistance service as the training
/// service itself (its own token): training applies a member state's rule on events itself, from
/// the country it stores. A missing request is NOT_FOUND for our caller; assistance being away is
/// the invocation layer's <see cref="Extensions.TrainingApp.AssistanceUnreachable"/>, and then nothing was written.
/// </summary>
public sealed class AssistanceRequests(ServiceClientFactory<AssistanceClient> assistance, ApiErrors errors)
{
    public async Task<AssistanceRequest> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await assistance.Create().GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name }, cancellationToken: cancellationToken);
            return response.AssistanceRequest;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            throw errors.NotFound(CourseNames.AssistanceRequest.ResourceType, name);
        }
    }
}
