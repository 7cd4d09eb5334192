using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>The evaluation form's fields: the four Kirkpatrick levels (0 on the last two: not assessed) and comments.</summary>
public sealed class EvaluationInput
{
    public int Reaction { get; set; }

    public int Learning { get; set; }

    public int Behaviour { get; set; }

    public int Results { get; set; }

    public string? Comments { get; set; }

    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Evaluation ToMessage(string enrolmentName) => new()
    {
        Enrolment = enrolmentName,
        Reaction = Reaction,
        Learning = Learning,
        Behaviour = Behaviour,
        Results = Results,
        Comments = Comments ?? "",
    };
}
