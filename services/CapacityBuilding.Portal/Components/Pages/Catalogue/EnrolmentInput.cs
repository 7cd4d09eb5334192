using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>The enrolment form's fields, as CreateEnrolment takes them; the service checks them.</summary>
public sealed class EnrolmentInput
{
    public string? ParticipantName { get; set; }

    public string? Email { get; set; }

    /// <summary>A coordinator's choice; a focal point enrols their own country's nationals.</summary>
    public string? Nationality { get; set; }

    public string? Institution { get; set; }

    public string? AssistanceRequest { get; set; }

    /// <summary>The form's idempotency key (AIP-155): pressing the button twice makes one enrolment.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Enrolment ToMessage(string nationality) => new()
    {
        ParticipantName = ParticipantName ?? "",
        Email = Email ?? "",
        Nationality = nationality,
        Institution = Institution ?? "",
        AssistanceRequest = AssistanceRequest ?? "",
    };
}
