using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Resources;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Tests.Resources;

/// <summary>A pattern parses a name into a record with a named part per id, and refuses anything else.</summary>
public sealed class ResourceNameTests
{
    private static readonly ResourceName<PledgeName> Pledge = new("Pledge", "donors/{donor}/pledges/{pledge}", ids => new(ids[0], ids[1]));

    private static readonly string DonorId = ResourceIds.New();

    private static readonly string PledgeId = ResourceIds.New();

    [Fact]
    public void A_name_parses_into_its_named_parts_and_formats_back()
    {
        var name = Pledge.Format(DonorId, PledgeId);

        Assert.Equal(new PledgeName(DonorId, PledgeId), Pledge.TryParse(name));
        Assert.Equal($"donors/{DonorId}/pledges/{PledgeId}", name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("donors/{0}")]
    [InlineData("donors/{0}/pledges/{1}/extra")]
    [InlineData("donors/{0}/allocations/{1}")]
    [InlineData("donors/not-an-id/pledges/{1}")]
    public void A_name_of_another_form_is_refused_naming_the_field(string template)
    {
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, DonorId, PledgeId);

        Assert.Null(Pledge.TryParse(name));
        var refusal = Assert.Throws<RpcException>(() => Pledge.Parse(name, "name", new ApiErrors(ErrorDomain.ForService("test"))));
        var violation = Assert.Single(refusal.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("name", "must be a resource name of the form donors/{donor}/pledges/{pledge}."), (violation.Field, violation.Description));
    }

    private sealed record PledgeName(string DonorId, string PledgeId);
}
