namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>The proto3 JSON mapping's names: <c>seat_hold</c> is <c>seatHold</c>.</summary>
public static class JsonNames
{
    public static string LowerCamel(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((part, index) => index == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
