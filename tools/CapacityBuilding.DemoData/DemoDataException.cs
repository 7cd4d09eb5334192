namespace CapacityBuilding.DemoData;

/// <summary>A failure the loader explains to the user in one line: bad data file, gateway not ready, call refused.</summary>
public sealed class DemoDataException : Exception
{
    public DemoDataException()
    {
    }

    public DemoDataException(string message)
        : base(message)
    {
    }

    public DemoDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
