namespace CapacityBuilding.Portal.Components.Pages.Delivery;

/// <summary>
/// The delivery pages mirror the training service's resource names: the page of
/// <c>events/{event}</c> is <c>/delivery/events/{event}</c>, so a name the service answers is a link.
/// </summary>
public static class DeliveryPaths
{
    public const string Events = "/delivery/events";

    public const string Experts = "/delivery/experts";

    public const string NewExpert = Experts + "/new";

    public static string Plan(string requestName) => $"{Events}/new?request={Uri.EscapeDataString(requestName)}";

    public static string Edit(string eventName) => Of(eventName) + "/edit";

    public static string Evaluate(string eventName) => Of(eventName) + "/evaluate";

    public static string Evaluations(string eventName) => Of(eventName) + "/evaluations";

    public static string Of(string resourceName) => "/delivery/" + resourceName;

    public static string EventName(string id) => "events/" + id;

    public static string ExpertName(string id) => "experts/" + id;
}
