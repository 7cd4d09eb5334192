using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Contributions;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Funding.Grpc;

/// <summary>Translates between stored funding records and their API messages.</summary>
internal static class FundingMessages
{
    public static StoredDonor ToNewStoredDonor(this Donor message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        DisplayName: message.DisplayName.Trim(),
        Kind: message.Kind,
        Country: message.Country,
        CreateTime: now,
        Etag: Etags.New(),
        IatiIdentifier: message.IatiIdentifier);

    public static Donor ToMessage(this StoredDonor donor) => new()
    {
        Name = FundingNames.Donor.Format(donor.Id),
        DisplayName = donor.DisplayName,
        Kind = donor.Kind,
        Country = donor.Country,
        IatiIdentifier = donor.IatiIdentifier,
        CreateTime = Timestamp.FromDateTimeOffset(donor.CreateTime),
        Etag = donor.Etag,
    };

    /// <summary>Only called after validation, so the dates are real days.</summary>
    public static StoredPledge ToNewStoredPledge(this Pledge message, string donorId, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        DonorId: donorId,
        CurrencyCode: message.Amount.CurrencyCode,
        Units: message.Amount.Units,
        Nanos: message.Amount.Nanos,
        ValidFrom: CalendarDates.TryParse(message.ValidFrom)!.Value,
        ValidUntil: CalendarDates.TryParse(message.ValidUntil)!.Value,
        Earmarks: new StoredEarmarks(
            [.. message.Earmarks?.ThematicAreas ?? []], [.. message.Earmarks?.Regions ?? []], [.. message.Earmarks?.Countries ?? []]),
        CreateTime: now);

    public static Pledge ToMessage(this PledgeRecord record)
    {
        var (pledge, ledger) = (record.Pledge, record.Ledger);
        var message = new Pledge
        {
            Name = FundingNames.Pledge.Format(pledge.DonorId, pledge.Id),
            Amount = new Google.Type.Money { CurrencyCode = pledge.CurrencyCode, Units = pledge.Units, Nanos = pledge.Nanos },
            ValidFrom = CalendarDates.ToMessage(pledge.ValidFrom),
            ValidUntil = CalendarDates.ToMessage(pledge.ValidUntil),
            State = ledger.State,
            RemainingBalance = ledger.Remaining.ToMoney(pledge.CurrencyCode),
            Paid = ledger.Paid.ToMoney(pledge.CurrencyCode),
            CreateTime = Timestamp.FromDateTimeOffset(pledge.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(ledger.UpdateTime),
            Etag = ledger.Etag,
        };
        if (!pledge.Earmarks.IsEmpty)
        {
            message.Earmarks = new Earmarks
            {
                ThematicAreas = { pledge.Earmarks.ThematicAreas },
                Regions = { pledge.Earmarks.Regions },
                Countries = { pledge.Earmarks.Countries },
            };
        }

        return message;
    }

    public static Allocation ToMessage(this AllocationRecord record)
    {
        var (allocation, ledger) = (record.Allocation, record.Ledger);
        var message = new Allocation
        {
            Name = FundingNames.Allocation.Format(allocation.Id),
            Pledge = FundingNames.Pledge.Format(allocation.DonorId, allocation.PledgeId),
            AssistanceRequest = FundingNames.AssistanceRequest.Format(allocation.RequestId),
            Amount = allocation.Amount.ToMoney(allocation.CurrencyCode),
            State = ledger.State,
            Disbursed = ledger.Disbursed.ToMoney(allocation.CurrencyCode),
            RequestingState = allocation.RequestingState,
            ThematicAreas = { allocation.ThematicAreas },
            AllocationDate = CalendarDates.ToMessage(allocation.AllocationDate),
            CreateTime = Timestamp.FromDateTimeOffset(allocation.CreateTime),
            Etag = ledger.Etag,
        };
        if (ledger.ReleaseTime is { } releaseTime)
        {
            message.ReleaseTime = Timestamp.FromDateTimeOffset(releaseTime);
        }

        return message;
    }

    public static Disbursement ToMessage(this StoredDisbursement disbursement) => new()
    {
        Name = FundingNames.Disbursement.Format(disbursement.AllocationId, disbursement.Id),
        Amount = new Google.Type.Money { CurrencyCode = disbursement.CurrencyCode, Units = disbursement.Units, Nanos = disbursement.Nanos },
        DisbursementDate = CalendarDates.ToMessage(disbursement.DisbursementDate),
        Description = disbursement.Description,
        CreateTime = Timestamp.FromDateTimeOffset(disbursement.CreateTime),
    };

    public static Contribution ToMessage(this StoredContribution contribution) => new()
    {
        Name = FundingNames.Contribution.Format(contribution.DonorId, contribution.PledgeId, contribution.Id),
        Amount = new Google.Type.Money { CurrencyCode = contribution.CurrencyCode, Units = contribution.Units, Nanos = contribution.Nanos },
        ReceivedDate = CalendarDates.ToMessage(contribution.ReceivedDate),
        Description = contribution.Description,
        CreateTime = Timestamp.FromDateTimeOffset(contribution.CreateTime),
    };

    public static ExchangeRate ToMessage(this StoredExchangeRate rate) => new()
    {
        CurrencyCode = rate.CurrencyCode,
        EffectiveDate = CalendarDates.ToMessage(rate.EffectiveDate),
        Rate = rate.Rate.ToMoney(ExchangeRateTable.ReportingCurrency),
    };
}
