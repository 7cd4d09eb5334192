using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData.Converging;
using CapacityBuilding.DemoData.Files;
using Grpc.Net.Client;
using State = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.State;

namespace CapacityBuilding.DemoData;

/// <summary>
/// Loads <c>delivery.json</c> once the requests are approved: the experts, then each event for its
/// request with its experts, moved on to its target state, then its evaluations and their
/// follow-ups; then each course session delivered for a request, its participants enrolled, the
/// session completed, and its evaluations by participants, experts and the host institution with
/// their follow-ups. Creates carry the request id <c>demo:{key}</c> and return what an earlier run
/// made (or what an earlier version of the demo made, found by <paramref name="records"/>); a step or a follow-up is applied only when the answer
/// shows it missing, so a rerun changes nothing.
/// </summary>
public sealed class DeliveryDemoLoader(GrpcChannel channel, TextWriter output, DemoRecords records)
{
    private static readonly State[] Route = [State.Planned, State.Confirmed, State.Delivered];

    private readonly TrainingService.TrainingServiceClient training = new(channel);
    private readonly TrainingRecords trainingRecords = new(new TrainingService.TrainingServiceClient(channel));

    public async Task LoadAsync(
        DeliveryData data, IReadOnlyDictionary<string, AssistanceRequest> requests, IReadOnlyDictionary<string, string> courses, CancellationToken cancellationToken)
    {
        var experts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in data.Experts)
        {
            experts[entry.Key] = (await records.CreateAsync(trainingRecords.Expert(entry.Key, entry.Expert), cancellationToken)).Name;
        }

        var (steps, evaluations, followUps) = (0, 0, 0);
        foreach (var entry in data.Events)
        {
            var deliveryEvent = entry.DeliveryEvent.Clone();
            deliveryEvent.AssistanceRequest = requests[entry.RequestKey].Name;
            deliveryEvent.Experts.Add(entry.ExpertKeys.Select(key => experts[key]));
            var current = await records.CreateAsync(trainingRecords.DeliveryEvent(entry.Key, deliveryEvent), cancellationToken);
            while (Array.IndexOf(Route, current.State) is var at && at >= 0 && at < Array.IndexOf(Route, entry.TargetState))
            {
                current = await StepAsync(entry.Key, current, cancellationToken);
                steps++;
            }

            foreach (var evaluationEntry in entry.Evaluations)
            {
                followUps += await EvaluateAsync(current, evaluationEntry, experts, cancellationToken) ? 1 : 0;
                evaluations++;
            }
        }

        await output.WriteLineAsync($"experts: {experts.Count} loaded");
        await output.WriteLineAsync($"events: {data.Events.Count} loaded, {steps} lifecycle steps applied now");
        await output.WriteLineAsync($"event evaluations: {evaluations} loaded, {followUps} follow-ups recorded now");
        await LoadSessionsAsync(data.Sessions ?? [], requests, courses, experts, cancellationToken);
    }

    private async Task LoadSessionsAsync(IReadOnlyList<DeliveredSessionEntry> sessions, IReadOnlyDictionary<string, AssistanceRequest> requests,
        IReadOnlyDictionary<string, string> courses, Dictionary<string, string> experts, CancellationToken cancellationToken)
    {
        var (evaluations, followUps) = (0, 0);
        foreach (var entry in sessions)
        {
            var session = await records.CreateAsync(trainingRecords.Session(entry.Key, courses[entry.CourseKey], entry.Session), cancellationToken);
            var enrolments = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var enrolmentEntry in entry.Enrolments)
            {
                var enrolment = enrolmentEntry.Enrolment.Clone();
                enrolment.AssistanceRequest = requests[entry.RequestKey].Name;
                enrolments[enrolmentEntry.Key] = (await records.CreateAsync(trainingRecords.Enrolment(enrolmentEntry.Key, session.Name, enrolment), cancellationToken)).Name;
            }

            if (session.Status != SessionStatus.Completed)
            {
                var complete = new UpdateSessionRequest { Session = new Session { Name = session.Name, Status = SessionStatus.Completed }, UpdateMask = new() { Paths = { "status" } } };
                await GatewayCall.RunAsync($"completing session '{entry.Key}'", options => training.UpdateSessionAsync(complete, options).ResponseAsync, cancellationToken);
            }

            foreach (var evaluationEntry in entry.Evaluations)
            {
                var evaluation = evaluationEntry.Evaluation.Clone();
                evaluation.Expert = evaluationEntry.ExpertKey is { } expertKey ? experts[expertKey] : "";
                evaluation.Enrolment = evaluationEntry.EnrolmentKey is { } enrolmentKey ? enrolments[enrolmentKey] : "";
                var stored = await records.CreateAsync(trainingRecords.SessionEvaluation(evaluationEntry.Key, session.Name, evaluation), cancellationToken);
                followUps += await FollowUpAsync(stored, evaluationEntry, cancellationToken) ? 1 : 0;
                evaluations++;
            }
        }

        await output.WriteLineAsync($"session evaluations: {evaluations} loaded, {followUps} follow-ups recorded now");
    }

    private async Task<DeliveryEvent> StepAsync(string key, DeliveryEvent current, CancellationToken cancellationToken) => current.State switch
    {
        State.Planned => (await GatewayCall.RunAsync($"confirming event '{key}'",
            options => training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = current.Name, Etag = current.Etag }, options).ResponseAsync,
            cancellationToken)).DeliveryEvent,
        _ => (await GatewayCall.RunAsync($"completing event '{key}'",
            options => training.CompleteDeliveryEventAsync(new CompleteDeliveryEventRequest { Name = current.Name, Etag = current.Etag }, options).ResponseAsync,
            cancellationToken)).DeliveryEvent,
    };

    /// <returns>Whether this call recorded the entry's follow-up (false when there is none or an earlier run did).</returns>
    private async Task<bool> EvaluateAsync(DeliveryEvent evaluated, EventEvaluationEntry entry, Dictionary<string, string> experts, CancellationToken cancellationToken)
    {
        var evaluation = entry.Evaluation.Clone();
        if (entry.ExpertKey is { } expertKey)
        {
            evaluation.Expert = experts[expertKey];
        }

        var stored = await records.CreateAsync(trainingRecords.EventEvaluation(entry.Key, evaluated.Name, evaluation), cancellationToken);
        return await FollowUpAsync(stored, entry, cancellationToken);
    }

    /// <returns>Whether this call recorded the entry's follow-up (false when there is none or an earlier run did).</returns>
    private async Task<bool> FollowUpAsync(Evaluation stored, EventEvaluationEntry entry, CancellationToken cancellationToken)
    {
        if (entry.FollowUp is null || stored.FollowUp is not null)
        {
            return false;
        }

        var followUp = new RecordEvaluationFollowUpRequest { Name = stored.Name, FollowUp = entry.FollowUp };
        await GatewayCall.RunAsync($"recording the follow-up of evaluation '{entry.Key}'",
            options => training.RecordEvaluationFollowUpAsync(followUp, options).ResponseAsync, cancellationToken);
        return true;
    }
}
