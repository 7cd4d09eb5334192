using Grpc.Core;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// The training client by which assistance confirms and releases what offers hold, with assistance's
/// own identity: the member state accepting an offer has no rights in training. A type of its own
/// because the gRPC client factory keeps one set of interceptors and one unreachable answer per client
/// type.
/// </summary>
public sealed class TrainingHoldsAsServiceClient(CallInvoker callInvoker) : Contracts.Training.V1.TrainingService.TrainingServiceClient(callInvoker);
