namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// The <c>google.rpc.ErrorInfo.domain</c> of one service (AIP-193), e.g.
/// <c>assistance.capacitybuilding.unodc.org</c>. Registered once per process.
/// </summary>
public sealed record ErrorDomain(string Value)
{
    public static ErrorDomain ForService(string serviceName) => new($"{serviceName}.capacitybuilding.unodc.org");
}
