using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// What an offer holds in the service that owns it: seats as a seat hold in training, money as a
/// PROPOSED allocation in funding. The hold is created with the caller's own token, so the owning
/// service applies its own rules (a donor holds only from its own committed pledge, earmarks must
/// fit the request) and its refusals reach the caller as they are. Confirming and releasing are
/// assistance's own acts, called as the service: the member state that accepts has no rights
/// there, and the sweeper has no caller at all. Both are idempotent in the owning service.
/// </summary>
public sealed class OfferHolds(
    ServiceClientFactory<TrainingHoldsClient> training,
    ServiceClientFactory<TrainingHoldsAsServiceClient> trainingAsService,
    ServiceClientFactory<FundingHoldsClient> funding,
    ServiceClientFactory<FundingHoldsAsServiceClient> fundingAsService)
{
    /// <summary>Holds what <paramref name="offer"/> proposes for <paramref name="country"/>'s request; returns the hold's name.</summary>
    public async Task<string> HoldAsync(StoredOffer offer, string country, CancellationToken cancellationToken)
    {
        if (offer.SessionSeats is { } seats)
        {
            var created = await training.Create().CreateSeatHoldAsync(new CreateSeatHoldRequest
            {
                Parent = seats.Session,
                SeatHold = new SeatHold { Country = country, Seats = seats.Seats, Offer = offer.Name },
                RequestId = offer.Id,
            }, cancellationToken: cancellationToken);
            return created.SeatHold.Name;
        }

        var package = offer.FundingPackage ?? throw new InvalidOperationException($"{offer.Name} proposes nothing.");
        var allocation = await funding.Create().CreateAllocationAsync(new CreateAllocationRequest
        {
            Allocation = new Allocation
            {
                Pledge = package.Pledge,
                AssistanceRequest = Domain.Requests.AssistanceRequestNames.Request.Format(offer.RequestId),
                Amount = new Google.Type.Money { CurrencyCode = package.Amount.CurrencyCode, Units = package.Amount.Units, Nanos = package.Amount.Nanos },
            },
            PendingAcceptance = true,
            RequestId = offer.Id,
        }, cancellationToken: cancellationToken);
        return allocation.Allocation.Name;
    }

    /// <summary>
    /// Turns the hold into its effect (seats confirmed for the country, money allocated). A hold
    /// that is gone (released, or its request closed to funding) is the owning service's
    /// FAILED_PRECONDITION or NOT_FOUND, returned as <see cref="HoldConfirmation.Gone"/>; any other
    /// failure (the service unreachable) is thrown and leaves the offer to be finished later.
    /// </summary>
    public async Task<HoldConfirmation> ConfirmAsync(StoredOffer offer, CancellationToken cancellationToken)
    {
        try
        {
            if (offer.SessionSeats is not null)
            {
                await trainingAsService.Create().ConfirmSeatHoldAsync(new ConfirmSeatHoldRequest { Name = offer.Hold }, cancellationToken: cancellationToken);
            }
            else
            {
                await fundingAsService.Create().ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = offer.Hold }, cancellationToken: cancellationToken);
            }

            return new HoldConfirmation.Confirmed();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            var reason = exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? ServiceDefaults.Errors.ErrorReasons.OfferHoldGone;
            return new HoldConfirmation.Gone(reason, exception.Status.Detail);
        }
    }

    /// <summary>Gives the hold back; a hold released already, or never stored, is released.</summary>
    public async Task ReleaseAsync(StoredOffer offer, CancellationToken cancellationToken)
    {
        try
        {
            if (offer.SessionSeats is not null)
            {
                await trainingAsService.Create().ReleaseSeatHoldAsync(new ReleaseSeatHoldRequest { Name = offer.Hold }, cancellationToken: cancellationToken);
            }
            else
            {
                await fundingAsService.Create().ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = offer.Hold }, cancellationToken: cancellationToken);
            }
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            // Nothing is held under that name: nothing to give back.
        }
    }
}
