using CapacityBuilding.Benchmarks;
using CapacityBuilding.Benchmarks.Hosting;
using CapacityBuilding.Benchmarks.Validation;

// One executable, four roles: the harness itself, the two reference servers it starts as
// processes of their own (a no-op gRPC service, and a bare YARP proxy in front of it), and the
// in-process measure of request validation.
return args.FirstOrDefault() switch
{
    NoopServer.Role => NoopServer.Run(args[1..]),
    BareProxy.Role => BareProxy.Run(args[1..]),
    ValidationCost.Role => ValidationCost.Run(),
    _ => await BenchmarkRun.RunAsync(args),
};
