using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Assistance.Offers;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using OfferState = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// The offer methods' properties: offers of any shape on requests in every state, and answers to
/// open offers. Whatever is refused holds nothing in training or funding (a refused call writes
/// nothing anywhere), and every history still verifies afterwards.
/// </summary>
internal sealed partial class AssistanceFuzzProperties
{
    private OfferScenario Offers => new(suite);

    private async Task CreateOfferAsync()
    {
        var pool = await PoolAsync();
        var session = await Offers.SessionAsync(seats: 25);
        var pledge = await Offers.CommittedPledgeAsync(1_000_000);
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements([.. pool.Select(request => request.Name)]), FuzzValues.NameOf("requests", [.. pool.Select(request => request.Name)]))
            from offer in FuzzValues.Mostly(AnyOffer(session.Name, pledge.Name).Select(offer => (Offer?)offer), Gen.Constant<Offer?>(null))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            select new CreateOfferRequest { Parent = parent, Offer = offer, RequestId = requestId };

        await calls.CheckAsync(requests, async request =>
        {
            var created = (await coordinator.CreateOfferAsync(request)).Offer;
            Assert.Equal(OfferState.Open, created.State);
            Assert.Equal(created, await ReadOfferAsync(created.Name));
        });
        await AssertConsistentAsync(pool);
    }

    private async Task GetOfferAsync()
    {
        var existing = (await OpenOffersAsync()).Offers[0].Name;
        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(FuzzValues.NameOf("requests/0123456789abcdef0123456789abcdef/offers", existing).Select(name => new GetOfferRequest { Name = name }),
                request => client.GetOfferAsync(request).ResponseAsync, cases: 30);
        }
    }

    private async Task ListOffersAsync()
    {
        var parent = (await OpenOffersAsync()).Request.Name;
        var requests =
            from name in FuzzValues.Mostly(Gen.Constant(parent), FuzzValues.NameOf("requests", parent))
            from size in FuzzValues.Mostly(Gen.Choose(0, 5), FuzzValues.PageSize)
            from state in FuzzValues.Mostly(Gen.OneOf(Gen.Constant(OfferState.Unspecified), FuzzValues.DefinedEnum<OfferState>()), FuzzValues.Enum<OfferState>())
            from token in Gen.OneOf(Gen.Constant(""), FuzzValues.PageTokenFor($"{parent}/offers?state={(int)state}"))
            select new ListOffersRequest { Parent = name, PageSize = size, State = state, PageToken = token };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests, request => client.ListOffersAsync(request).ResponseAsync, cases: 30);
        }
    }

    private Task AcceptOfferAsync() => AnswerOfferAsync(
        (name, etag, _) => new AcceptOfferRequest { Name = name, Etag = etag }, async request => (await memberState.AcceptOfferAsync(request)).Offer);

    private Task DeclineOfferAsync() => AnswerOfferAsync(
        (name, etag, reason) => new DeclineOfferRequest { Name = name, Etag = etag, Reason = reason }, async request => (await memberState.DeclineOfferAsync(request)).Offer);

    private Task WithdrawOfferAsync() => AnswerOfferAsync(
        (name, etag, reason) => new WithdrawOfferRequest { Name = name, Etag = etag, Reason = reason }, async request => (await coordinator.WithdrawOfferAsync(request)).Offer);

    /// <summary>
    /// One answer to open offers (and to names that are not theirs): a refused one leaves the offer
    /// as it was, an accepted one reads back as answered; every history still verifies afterwards.
    /// </summary>
    private async Task AnswerOfferAsync<TRequest>(Func<string, string, string, TRequest> make, Func<TRequest, Task<Offer>> call)
        where TRequest : IMessage
    {
        var (parent, offers) = await OpenOffersAsync();
        var requests =
            from target in FuzzValues.Target("requests/0123456789abcdef0123456789abcdef/offers", [.. offers.Select(offer => (offer.Name, offer.Etag))])
            from reason in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
            select make(target.Name, target.Etag, reason);
        var nameField = TRequestName<TRequest>();

        await calls.CheckAsync(requests,
            async request =>
            {
                var answered = await call(request);
                Assert.Equal(answered, await ReadOfferAsync(answered.Name));
            },
            request => ReadOfferAsync((string)nameField.Accessor.GetValue(request)));
        await AssertConsistentAsync([parent]);
    }

    /// <summary>Open offers on a new approved request of GHA (the member state's country): seats from a session and money from a committed pledge.</summary>
    private async Task<(AssistanceRequest Request, IReadOnlyList<Offer> Offers)> OpenOffersAsync()
    {
        var request = await Driver.CreateInStateAsync(State.Approved);
        var session = await Offers.SessionAsync(seats: 10);
        var pledge = await Offers.CommittedPledgeAsync(1_000);
        var proposals = new[]
        {
            OfferScenario.Seats(session, 2), OfferScenario.Seats(session, 3), OfferScenario.Money(pledge, 100), OfferScenario.Money(pledge, 200),
        };
        var offers = new List<Offer>();
        foreach (var proposal in proposals)
        {
            offers.Add(await OfferScenario.OfferAsync(coordinator, request, proposal));
        }

        return (request, offers);
    }

    /// <summary>Offers of any shape: seats or money (known or not, any number or amount), any terms, any expire time, or no proposal.</summary>
    private static Gen<Offer> AnyOffer(string session, string pledge) =>
        from proposal in Gen.Choose(0, 2)
        from sessionName in FuzzValues.Mostly(Gen.Constant(session), FuzzValues.NameOf("courses/0123456789abcdef0123456789abcdef/sessions", session))
        from seats in FuzzValues.Mostly(Gen.Choose(1, 2), Gen.OneOf(Gen.Choose(-3, 50), Gen.Elements(int.MinValue, int.MaxValue)))
        from pledgeName in FuzzValues.Mostly(Gen.Constant(pledge), FuzzValues.NameOf("donors/0123456789abcdef0123456789abcdef/pledges", pledge))
        from amount in FuzzValues.Mostly(FuzzValues.SmallAmount(), FuzzValues.Amount)
        from terms in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
        from expires in FuzzValues.Mostly(
            Gen.Choose(1, 89 * 24).Select(hours => (Timestamp?)Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(hours))), FuzzValues.Instant)
        select WithProposal(new Offer { Terms = terms, ExpireTime = expires }, proposal, sessionName, seats, pledgeName, amount);

    private static Offer WithProposal(Offer offer, int proposal, string session, int seats, string pledge, Google.Type.Money? amount)
    {
        if (proposal == 1)
        {
            offer.SessionSeats = new Offer.Types.SessionSeats { Session = session, Seats = seats };
        }
        else if (proposal == 2)
        {
            offer.FundingPackage = new Offer.Types.FundingPackage { Pledge = pledge, Amount = amount };
        }

        return offer;
    }

    private async Task<IMessage?> ReadOfferAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetOfferAsync(new GetOfferRequest { Name = name })).Offer);
}
