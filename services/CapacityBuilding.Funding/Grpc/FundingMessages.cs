using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.Funding.Pledges;
using CapacityBuilding.ServiceDefaults.Resources;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace CapacityBuilding.Funding.Grpc;

/// <summary>Translates between stored donors and pledges and their API messages.</summary>
internal static class FundingMessages
{
    public static StoredDonor ToNewStoredDonor(this Donor message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        DisplayName: message.DisplayName.Trim(),
        Kind: message.Kind,
        Country: message.Country,
        CreateTime: now,
        Etag: Etags.New());

    public static Donor ToMessage(this StoredDonor donor) => new()
    {
        Name = FundingNames.Donor.Format(donor.Id),
        DisplayName = donor.DisplayName,
        Kind = donor.Kind,
        Country = donor.Country,
        CreateTime = Timestamp.FromDateTimeOffset(donor.CreateTime),
        Etag = donor.Etag,
    };

    public static StoredPledge ToNewStoredPledge(this Pledge message, string donorId, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        DonorId: donorId,
        CurrencyCode: message.Amount.CurrencyCode,
        Units: message.Amount.Units,
        Nanos: message.Amount.Nanos,
        CreateTime: now,
        Etag: Etags.New());

    public static Pledge ToMessage(this StoredPledge pledge) => new()
    {
        Name = FundingNames.Pledge.Format(pledge.DonorId, pledge.Id),
        Amount = new Money { CurrencyCode = pledge.CurrencyCode, Units = pledge.Units, Nanos = pledge.Nanos },
        CreateTime = Timestamp.FromDateTimeOffset(pledge.CreateTime),
        Etag = pledge.Etag,
    };
}
