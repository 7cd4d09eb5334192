using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Delivery;
using FsCheck.Fluent;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>The properties of the delivery methods: experts, events, their evaluations and summaries.</summary>
internal sealed partial class TrainingFuzzProperties
{
    private DeliverySetup Delivery => new(suite, coordinator);

    private async Task CreateExpertAsync()
    {
        var requests =
            from name in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
            from nationality in FuzzValues.Mostly(FuzzValues.ValidCountry, FuzzValues.Country)
            from languages in FuzzValues.Mostly(FuzzValues.UnLanguages, FuzzValues.Language.ArrayOf())
            from areas in FuzzValues.Mostly(FuzzValues.DefinedThematicAreas, FuzzValues.ThematicAreas)
            from articles in Gen.Choose(-2, 70).ArrayOf()
            from start in FuzzValues.DayWithin(-400, 400)
            from end in FuzzValues.DayWithin(-400, 400)
            from email in Gen.Elements("ana@example.org", "", "no at sign", "a@b")
            select new CreateExpertRequest
            {
                Expert = new Expert
                {
                    DisplayName = name, Nationality = nationality, Languages = { languages }, ThematicAreas = { areas }, ConventionArticles = { articles },
                    Availability = { new DateRange { StartDate = start, EndDate = end } }, Contact = new ExpertContact { Email = email },
                },
            };
        await calls.CheckAsync(requests, request => coordinator.CreateExpertAsync(request).ResponseAsync, cases: 40);
    }

    private async Task GetExpertAsync()
    {
        var expert = await Delivery.ExpertAsync();
        await calls.CheckAsync(FuzzValues.NameOf("experts", expert.Name).Select(name => new GetExpertRequest { Name = name }),
            request => coordinator.GetExpertAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListExpertsAsync()
    {
        await Delivery.ExpertAsync();
        await calls.CheckAsync(
            from size in FuzzValues.PageSize from token in FuzzValues.PageTokenFor("experts") select new ListExpertsRequest { PageSize = size, PageToken = token },
            request => coordinator.ListExpertsAsync(request).ResponseAsync, cases: 30);
    }

    private async Task UpdateExpertAsync()
    {
        var expert = await Delivery.ExpertAsync();
        var requests =
            from name in FuzzValues.NameOf("experts", expert.Name)
            from languages in FuzzValues.Mostly(FuzzValues.UnLanguages, FuzzValues.Language.ArrayOf())
            from nationality in FuzzValues.Country
            from mask in FuzzValues.Mostly(Gen.Elements("languages", "nationality", "*"), FuzzValues.Text)
            select new UpdateExpertRequest
            {
                Expert = new Expert { Name = name, Languages = { languages }, Nationality = nationality },
                UpdateMask = new() { Paths = { mask } },
            };
        await calls.CheckAsync(requests, request => coordinator.UpdateExpertAsync(request).ResponseAsync, cases: 30);
    }

    private async Task MatchExpertsAsync()
    {
        await Delivery.ExpertAsync();
        var requests =
            from areas in FuzzValues.Mostly(FuzzValues.DefinedThematicAreas, FuzzValues.ThematicAreas)
            from articles in Gen.Choose(-2, 70).ArrayOf()
            from languages in FuzzValues.Mostly(FuzzValues.UnLanguages, FuzzValues.Language.ArrayOf())
            from start in FuzzValues.DayWithin(-400, 400)
            from end in FuzzValues.DayWithin(-400, 400)
            from max in Gen.Choose(-3, 60)
            select new MatchExpertsRequest
            {
                ThematicAreas = { areas }, ConventionArticles = { articles }, Languages = { languages }, StartDate = start, EndDate = end, MaxResults = max,
            };
        await calls.CheckAsync(requests, request => coordinator.MatchExpertsAsync(request).ResponseAsync, cases: 30);
    }

    private async Task CreateDeliveryEventAsync()
    {
        var request = await Delivery.RequestAsync();
        var requests =
            from name in FuzzValues.NameOf("requests", request.Name)
            from days in Gen.Choose(-2, 70)
            from location in Gen.Elements("", "Accra", "  ")
            from online in Gen.Elements(true, false)
            from role in FuzzValues.Enum<TargetAudience>()
            from count in Gen.Choose(-1, 40)
            select new CreateDeliveryEventRequest
            {
                DeliveryEvent = WithParticipants(DeliverySetup.Workshop(name, DeliverySetup.LastYear.AddDays(-days), Math.Max(1, days)), location, online, role, count),
            };
        await calls.CheckAsync(requests, call => coordinator.CreateDeliveryEventAsync(call).ResponseAsync, cases: 30);
    }

    private async Task GetDeliveryEventAsync()
    {
        var planned = await Delivery.EventAsync((await Delivery.RequestAsync()).Name, DeliverySetup.LastYear);
        await calls.CheckAsync(FuzzValues.NameOf("events", planned.Name).Select(name => new GetDeliveryEventRequest { Name = name }),
            request => coordinator.GetDeliveryEventAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListDeliveryEventsAsync()
    {
        var request = await Delivery.RequestAsync();
        await calls.CheckAsync(
            from filter in FuzzValues.Mostly(Gen.Elements("", request.Name), FuzzValues.NameIn("requests"))
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor("events:index")
            select new ListDeliveryEventsRequest { AssistanceRequest = filter, PageSize = size, PageToken = token },
            call => coordinator.ListDeliveryEventsAsync(call).ResponseAsync, cases: 30);
    }

    private async Task UpdateDeliveryEventAsync()
    {
        var planned = await Delivery.EventAsync((await Delivery.RequestAsync()).Name, DeliverySetup.LastYear);
        var requests =
            from name in FuzzValues.NameOf("events", planned.Name)
            from title in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
            from start in FuzzValues.DayWithin(-800, -400)
            from expert in FuzzValues.NameIn("experts")
            from mask in FuzzValues.Mostly(Gen.Elements("title", "start_date", "experts", "*"), FuzzValues.Text)
            select new UpdateDeliveryEventRequest
            {
                DeliveryEvent = new DeliveryEvent { Name = name, Title = title, StartDate = start, Experts = { expert } },
                UpdateMask = new() { Paths = { mask } },
            };
        await calls.CheckAsync(requests, request => coordinator.UpdateDeliveryEventAsync(request).ResponseAsync, cases: 30);
    }

    private async Task StepDeliveryEventAsync(Func<string, Task> step)
    {
        var planned = await Delivery.EventAsync((await Delivery.RequestAsync()).Name, DeliverySetup.LastYear);
        await calls.CheckAsync(FuzzValues.NameOf("events", planned.Name), step, cases: 20);
    }

    private async Task CreateDeliveryEventEvaluationAsync()
    {
        var delivered = await Delivery.DeliveredEventAsync();
        var requests =
            from parent in FuzzValues.NameOf("events", delivered.Name)
            from respondent in FuzzValues.Enum<Respondent>()
            from rating in Gen.Choose(-1, 6)
            from expert in Gen.OneOf(Gen.Constant(""), FuzzValues.NameIn("experts"))
            select new CreateDeliveryEventEvaluationRequest
            {
                Parent = parent,
                Evaluation = new Evaluation
                {
                    Respondent = respondent, Expert = expert, Reaction = rating, Learning = rating, ObjectivesMet = rating, KnowledgeImproved = rating, MoreHelpNeeded = rating,
                },
            };
        await calls.CheckAsync(requests, request => coordinator.CreateDeliveryEventEvaluationAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListDeliveryEventEvaluationsAsync()
    {
        var delivered = await Delivery.DeliveredEventAsync();
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf("events", delivered.Name)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(delivered.Name)
            select new ListDeliveryEventEvaluationsRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListDeliveryEventEvaluationsAsync(request).ResponseAsync, cases: 30);
    }

    private async Task RecordEvaluationFollowUpAsync()
    {
        var delivered = await Delivery.DeliveredEventAsync();
        var evaluation = (await coordinator.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest
        {
            Parent = delivered.Name,
            Evaluation = DeliveryEvaluationTests.Host(),
        })).Evaluation;
        var requests =
            from name in FuzzValues.Mostly(Gen.Constant(evaluation.Name), Gen.OneOf(FuzzValues.NameIn(delivered.Name + "/evaluations"), FuzzValues.Text))
            from behaviour in Gen.Choose(-1, 6)
            from results in Gen.Choose(-1, 6)
            select new RecordEvaluationFollowUpRequest { Name = name, FollowUp = new EvaluationFollowUp { Behaviour = behaviour, Results = results } };
        await calls.CheckAsync(requests, request => coordinator.RecordEvaluationFollowUpAsync(request).ResponseAsync, cases: 30);
    }

    private async Task GetDeliveryEvaluationSummaryAsync()
    {
        var delivered = await Delivery.DeliveredEventAsync();
        var names = FuzzValues.Mostly(
            Gen.Elements(delivered.Name + "/evaluationSummary", delivered.AssistanceRequest + "/evaluationSummary"),
            Gen.OneOf(Gen.Elements(delivered.Name, "/evaluationSummary", "evaluationSummary"), FuzzValues.NameIn("events").Select(name => name + "/evaluationSummary"), FuzzValues.Text));
        await calls.CheckAsync(names.Select(name => new GetDeliveryEvaluationSummaryRequest { Name = name }),
            request => coordinator.GetDeliveryEvaluationSummaryAsync(request).ResponseAsync, cases: 30);
    }

    private static DeliveryEvent WithParticipants(DeliveryEvent deliveryEvent, string location, bool online, TargetAudience role, int count)
    {
        deliveryEvent.Location = location;
        deliveryEvent.Online = online;
        deliveryEvent.Participants = new ParticipantCounts { Women = 10, Men = 10, ByRole = { new RoleCount { Role = role, Count = count } } };
        return deliveryEvent;
    }
}
