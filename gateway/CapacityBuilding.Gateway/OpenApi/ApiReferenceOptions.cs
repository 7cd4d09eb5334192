namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// Configuration section <c>ApiReference</c>: the interactive reference page (Swagger UI over
/// the suite's OpenAPI document). The document itself is always served: it is the contract,
/// public like gRPC reflection.
/// </summary>
public sealed class ApiReferenceOptions
{
    public const string SectionName = "ApiReference";

    /// <summary>Whether the page is served; unset, it is in Development and not elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where the page is, e.g. <c>/reference</c>.</summary>
    public string Path { get; set; } = "/reference";

    public bool IsEnabled(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}
