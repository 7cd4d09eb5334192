namespace CapacityBuilding.Assistance.Clients;

/// <summary>What confirming an offer's hold in the owning service came to.</summary>
public abstract record HoldConfirmation
{
    private HoldConfirmation()
    {
    }

    /// <summary>The hold took effect (or had already).</summary>
    public sealed record Confirmed : HoldConfirmation;

    /// <summary>The hold is gone; <paramref name="Reason"/> is the owning service's, <paramref name="Message"/> its words.</summary>
    public sealed record Gone(string Reason, string Message) : HoldConfirmation;
}
