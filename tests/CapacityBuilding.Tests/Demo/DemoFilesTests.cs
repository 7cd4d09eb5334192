using System.Text.Json.Nodes;
using CapacityBuilding.DemoData;
using CapacityBuilding.DemoData.Files;
using CapacityBuilding.Testing;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Demo;

/// <summary>The shipped demo files show every stage of the product, and a file that funds an unapproved request is refused before any call.</summary>
public sealed class DemoFilesTests
{
    public static string DataFolder => Path.Combine(RepositoryLayout.Root.FullName, "tools", "CapacityBuilding.DemoData", "Data");

    [Fact]
    public void Shipped_files_cover_the_lifecycle_and_fund_something()
    {
        var data = DemoFiles.Read(DataFolder);

        Assert.Superset(
            new HashSet<State> { State.Draft, State.Submitted, State.UnderReview, State.Approved, State.InDelivery, State.Withdrawn },
            data.Requests.Select(request => request.TargetState).ToHashSet());
        var pledges = data.Donors.SelectMany(donor => donor.Pledges).ToList();
        Assert.Contains(pledges, pledge => pledge.Committed);
        Assert.Contains(pledges, pledge => !pledge.Committed);
        Assert.Single(pledges.SelectMany(pledge => pledge.Allocations ?? []).SelectMany(allocation => allocation.Disbursements ?? []));
        // Only committed money is allocated or paid in against.
        Assert.All(pledges.Where(pledge => pledge.Allocations is { Count: > 0 } || pledge.Contributions is { Count: > 0 }), pledge => Assert.True(pledge.Committed, pledge.Key));
        Assert.NotEmpty(pledges.SelectMany(pledge => pledge.Contributions ?? []));
    }

    [Fact]
    public void An_allocation_to_a_request_that_is_never_approved_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("demo-data-");
        try
        {
            foreach (var file in Directory.GetFiles(DataFolder, "*.json"))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            // demo-request-01 is funded in the shipped files; keep it a draft.
            var requestsPath = Path.Combine(folder.FullName, "requests.json");
            var requests = JsonNode.Parse(File.ReadAllText(requestsPath))!.AsArray();
            requests.Single(request => (string?)request!["key"] == "demo-request-01")!["targetState"] = "STATE_DRAFT";
            File.WriteAllText(requestsPath, requests.ToJsonString());

            var refusal = Assert.Throws<DemoDataException>(() => DemoFiles.Read(folder.FullName));

            Assert.Contains("funds request 'demo-request-01'", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
