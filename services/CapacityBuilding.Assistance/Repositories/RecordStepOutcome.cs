namespace CapacityBuilding.Assistance.Repositories;

/// <summary>What the script that records a delivery event's step decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record RecordStepOutcome
{
    private RecordStepOutcome()
    {
    }

    /// <summary>Recorded: the entry is the request's latest.</summary>
    public sealed record Recorded : RecordStepOutcome;

    /// <summary>The step was recorded before, by the entry numbered <paramref name="Sequence"/>; nothing was written.</summary>
    public sealed record Existing(long Sequence) : RecordStepOutcome;

    public sealed record NotFound : RecordStepOutcome;

    /// <summary>The request changed since it was read: the entry no longer extends its history.</summary>
    public sealed record Stale : RecordStepOutcome;
}
