using System.Globalization;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Every .NET app's Deployment sizes the garbage collector to its container, in every overlay:
/// the managed heap gets a share of the memory limit (<c>DOTNET_GCHeapHardLimitPercent</c>, hex as
/// the runtime reads it) that leaves room for what is not heap (runtime, JIT code, Kestrel's and
/// the sockets' buffers), and conserves memory. Without them a busy gateway grew to 614 MiB in the
/// benchmark, past its 384 MiB limit: the pod would be killed, not slowed.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    /// <summary>What a process of the suite needs besides its managed heap, measured in the benchmark (docs/benchmarks.md).</summary>
    private const long OutsideTheHeapMebibytes = 96;

    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_gives_the_heap_a_share_of_its_memory_limit_that_leaves_room_for_the_rest(string overlay)
    {
        var deployments = Manifests.Overlay(overlay).OfKind("Deployment").ToList();
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            foreach (var container in Manifests.ContainersOf(deployment))
            {
                var name = $"{overlay}: Deployment/{Manifests.NameOf(deployment)}";
                var percent = Hex(Manifests.EnvValue(container, "DOTNET_GCHeapHardLimitPercent"), name);
                Assert.InRange(percent, 1, 99);
                var limit = Mebibytes(container["resources"]?["limits"]?["memory"]?.GetValue<string>(), name);
                Assert.True(limit - (limit * percent / 100) >= OutsideTheHeapMebibytes,
                    $"{name}: a heap of {percent} % of {limit} MiB leaves less than {OutsideTheHeapMebibytes} MiB for the rest of the process.");
                Assert.InRange(int.Parse(Manifests.EnvValue(container, "DOTNET_GCConserveMemory") ?? "0", CultureInfo.InvariantCulture), 1, 9);
            }
        }
    }

    /// <summary>The apps whose Deployments say which collector they run: every one, the gateway too.</summary>
    private static readonly string[] Services = ["assistance", "training", "funding", "portal", "gateway"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_runs_the_workstation_collector_its_one_cpu_gives_it_anyway(string overlay)
    {
        var deployments = Manifests.Overlay(overlay).OfKind("Deployment").Where(deployment => Services.Contains(Manifests.NameOf(deployment))).ToList();
        Assert.Equal(Services.Length, deployments.Count);
        foreach (var deployment in deployments)
        {
            var container = Manifests.ContainersOf(deployment).First();
            Assert.True(Manifests.EnvValue(container, "DOTNET_gcServer") == "0", $"{overlay}: Deployment/{Manifests.NameOf(deployment)} does not set DOTNET_gcServer=0.");
            Assert.InRange(Cores(container["resources"]?["limits"]?["cpu"]?.GetValue<string>()), 0.001, 1);
        }
    }

    private static long Hex(string? value, string where) =>
        value is { } text && text.StartsWith("0x", StringComparison.Ordinal)
            ? long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException($"{where}: DOTNET_GCHeapHardLimitPercent is '{value}', not a 0x-prefixed hex number as the runtime reads it.");

    /// <summary>A Kubernetes CPU quantity (<c>1</c>, <c>500m</c>) in cores.</summary>
    private static double Cores(string? quantity) => quantity switch
    {
        { } text when text.EndsWith('m') => double.Parse(text[..^1], CultureInfo.InvariantCulture) / 1000,
        { } text => double.Parse(text, CultureInfo.InvariantCulture),
        null => double.NaN,
    };

    private static long Mebibytes(string? quantity, string where) => quantity switch
    {
        { } text when text.EndsWith("Mi", StringComparison.Ordinal) => long.Parse(text[..^2], CultureInfo.InvariantCulture),
        { } text when text.EndsWith("Gi", StringComparison.Ordinal) => long.Parse(text[..^2], CultureInfo.InvariantCulture) * 1024,
        _ => throw new Xunit.Sdk.XunitException($"{where}: memory limit '{quantity}' is not in Mi or Gi."),
    };
}
