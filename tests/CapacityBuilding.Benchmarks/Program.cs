using CapacityBuilding.Benchmarks;
using CapacityBuilding.Benchmarks.Hosting;

// One executable, three roles: the harness itself, and the two reference servers it starts as
// processes of their own (a no-op gRPC service, and a bare YARP proxy in front of it).
return args.FirstOrDefault() switch
{
    NoopServer.Role => NoopServer.Run(args[1..]),
    BareProxy.Role => BareProxy.Run(args[1..]),
    _ => await BenchmarkRun.RunAsync(args),
};
