using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.DemoData.Files;

namespace CapacityBuilding.DemoData;

/// <summary>
/// The requesting states' consent to publish the requests marked <c>publish</c> in requests.json,
/// so that the public registry and the IATI activity file show the projects of every state that
/// chose to. Only the request's own focal point may consent (SetAssistanceRequestPublicationConsent),
/// so each consent is given through the focal point of the request's country, when the loader has
/// one; a request that has consented already is left alone, so a second load changes nothing.
/// </summary>
/// <param name="focalPoints">Focal points by ISO 3166-1 alpha-3 country.</param>
internal sealed class DemoConsents(IReadOnlyDictionary<string, AssistanceService.AssistanceServiceClient> focalPoints, TextWriter output)
{
    public async Task LoadAsync(IReadOnlyList<AssistanceRequestEntry> entries, Dictionary<string, AssistanceRequest> requests, CancellationToken cancellationToken)
    {
        var marked = entries.Where(entry => entry.Publish).ToList();
        var givenNow = 0;
        var withoutFocalPoint = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in marked.Where(entry => requests[entry.Key].PublicationConsent?.Publish != true))
        {
            var country = requests[entry.Key].RequestingState;
            if (!focalPoints.TryGetValue(country, out var focalPoint))
            {
                withoutFocalPoint.Add(country);
                continue;
            }

            var consent = new SetAssistanceRequestPublicationConsentRequest { Name = requests[entry.Key].Name, Publish = true };
            requests[entry.Key] = (await GatewayCall.RunAsync($"consenting to publish request '{entry.Key}' as the focal point of {country}",
                options => focalPoint.SetAssistanceRequestPublicationConsentAsync(consent, options).ResponseAsync, cancellationToken)).AssistanceRequest;
            givenNow++;
        }

        var missing = withoutFocalPoint.Count == 0 ? "" : $" (no focal point's token for {string.Join(", ", withoutFocalPoint)}: theirs left out)";
        await output.WriteLineAsync($"publication consents: {marked.Count} loaded, {givenNow} given now{missing}");
    }
}
