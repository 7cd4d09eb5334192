namespace CapacityBuilding.Training.Extensions;

/// <summary>The training service's app-id, Redis key prefix and error domain.</summary>
public static class TrainingApp
{
    public const string Name = "training";
}
