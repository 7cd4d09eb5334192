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
            new HashSet<State> { State.Draft, State.Submitted, State.UnderReview, State.Approved, State.InDelivery, State.Withdrawn, State.Suspended },
            data.Requests.Select(request => request.TargetState).ToHashSet());
        // More than one state consents to publishing, so the public registry and the IATI file show several countries' projects.
        Assert.True(data.Requests.Where(request => request.Publish).Select(request => request.AssistanceRequest.RequestingState).Distinct().Count() > 1);
        var pledges = data.Donors.SelectMany(donor => donor.Pledges).ToList();
        Assert.Contains(pledges, pledge => pledge.Committed);
        Assert.Contains(pledges, pledge => !pledge.Committed);
        Assert.Single(pledges.SelectMany(pledge => pledge.Allocations ?? []).SelectMany(allocation => allocation.Disbursements ?? []));
        // Only committed money is allocated or paid in against.
        Assert.All(pledges.Where(pledge => pledge.Allocations is { Count: > 0 } || pledge.Contributions is { Count: > 0 }), pledge => Assert.True(pledge.Committed, pledge.Key));
        Assert.NotEmpty(pledges.SelectMany(pledge => pledge.Contributions ?? []));
    }

    [Fact]
    public void Outcomes_on_a_request_that_is_never_approved_are_refused()
    {
        // demo-request-06 stays a draft in the shipped files; give it demo-request-01's outcomes.
        var refusal = RefusalOfEditedRequests(requests => requests.Single(request => (string?)request!["key"] == "demo-request-06")!["outcomes"] =
            requests.Single(request => (string?)request!["key"] == "demo-request-01")!["outcomes"]!.DeepClone());

        Assert.Contains("request 'demo-request-06' reports outcomes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suspension_without_its_own_reason_is_refused()
    {
        var refusal = RefusalOfEditedRequests(requests => requests.Single(request => (string?)request!["key"] == "demo-request-08")!.AsObject().Remove("suspensionReason"));

        Assert.Contains("request 'demo-request-08' is suspended without a suspensionReason", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allocation_to_a_request_that_is_never_approved_is_refused()
    {
        // demo-request-01 is funded in the shipped files; keep it a draft.
        var refusal = RefusalOfEditedRequests(requests => requests.Single(request => (string?)request!["key"] == "demo-request-01")!["targetState"] = "STATE_DRAFT");

        Assert.Contains("funds request 'demo-request-01'", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads a copy of the shipped files after <paramref name="edit"/> has changed it: for each file
    /// name the edit is given (e.g. <c>requests.json</c>), its JSON, to change in place.
    /// </summary>
    public static DemoDataSet ReadEditedCopy(Action<string, JsonNode> edit)
    {
        var folder = Directory.CreateTempSubdirectory("demo-data-");
        try
        {
            foreach (var file in Directory.GetFiles(DataFolder, "*.json"))
            {
                var json = JsonNode.Parse(File.ReadAllText(file))!;
                edit(Path.GetFileName(file), json);
                File.WriteAllText(Path.Combine(folder.FullName, Path.GetFileName(file)), json.ToJsonString());
            }

            return DemoFiles.Read(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The entry of <paramref name="entries"/> (a file's array, or a list inside one) with the key given.</summary>
    public static JsonNode Entry(JsonNode entries, string key) => entries.AsArray().Single(entry => (string?)entry!["key"] == key)!;

    /// <summary>What reading the shipped files refuses once <paramref name="edit"/> has changed a copy of requests.json.</summary>
    private static DemoDataException RefusalOfEditedRequests(Action<JsonArray> edit) =>
        Assert.Throws<DemoDataException>(() => ReadEditedCopy((file, json) =>
        {
            if (file == "requests.json")
            {
                edit(json.AsArray());
            }
        }));
}
