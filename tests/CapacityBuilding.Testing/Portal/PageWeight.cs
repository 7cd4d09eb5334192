namespace CapacityBuilding.Testing.Portal;

/// <summary>
/// What a first load of one page transferred: the HTML and every script, stylesheet, image and
/// font it references, each as the compressed bytes on the wire (headers not counted).
/// </summary>
public sealed record PageWeight(string Path, IReadOnlyList<PageResource> Resources)
{
    /// <summary>The budget for the first load of any page.</summary>
    public const long BudgetBytes = 500 * 1024;

    public long TransferredBytes => Resources.Sum(resource => resource.TransferredBytes);

    public long DecodedBytes => Resources.Sum(resource => resource.DecodedBytes);

    public bool WithinBudget => TransferredBytes <= BudgetBytes;
}

/// <summary>One response of a page load: its address, content encoding (empty when sent as is), and its size on the wire and decoded.</summary>
public sealed record PageResource(string Address, string Encoding, long TransferredBytes, long DecodedBytes);
