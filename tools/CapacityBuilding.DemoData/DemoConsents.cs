using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.DemoData.Files;

namespace CapacityBuilding.DemoData;

/// <summary>
/// The requesting state's consent to publish the requests marked <c>publish</c> in requests.json,
/// so that the public registry and the IATI activity file show something after a load. Only the
/// request's own focal point may consent (SetAssistanceRequestPublicationConsent), so consents are
/// given when the loader has a focal point's channel, for that focal point's country's requests;
/// a request that has consented already is left alone, so a second load changes nothing.
/// </summary>
internal sealed class DemoConsents(AssistanceService.AssistanceServiceClient? focalPoint, TextWriter output)
{
    public async Task LoadAsync(IReadOnlyList<AssistanceRequestEntry> entries, Dictionary<string, AssistanceRequest> requests, CancellationToken cancellationToken)
    {
        var marked = entries.Where(entry => entry.Publish).ToList();
        if (focalPoint is null)
        {
            await output.WriteLineAsync($"publication consents: {marked.Count} in the data, none given (no focal point's token)");
            return;
        }

        var givenNow = 0;
        foreach (var entry in marked.Where(entry => requests[entry.Key].PublicationConsent?.Publish != true))
        {
            var consent = new SetAssistanceRequestPublicationConsentRequest { Name = requests[entry.Key].Name, Publish = true };
            requests[entry.Key] = (await GatewayCall.RunAsync($"consenting to publish request '{entry.Key}'",
                options => focalPoint.SetAssistanceRequestPublicationConsentAsync(consent, options).ResponseAsync, cancellationToken)).AssistanceRequest;
            givenNow++;
        }

        await output.WriteLineAsync($"publication consents: {marked.Count} loaded, {givenNow} given now");
    }
}
