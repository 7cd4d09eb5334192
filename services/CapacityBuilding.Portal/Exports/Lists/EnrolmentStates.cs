using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>An enrolment's state in words as <see cref="EnrolmentStateText"/> shows it: with the waitlist position while it waits.</summary>
internal static class EnrolmentStates
{
    public static string Text(Enrolment enrolment, IStringLocalizer<EnrolmentStateText> states, IStringLocalizer<CatalogueNames> names) =>
        enrolment.State == EnrolmentState.Waitlisted ? states["WaitlistedAt", enrolment.WaitlistPosition] : names.NameOf(enrolment.State);
}
