namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// The funding pages' words (Resources/Components/Pages/Funding/FundingStrings.*.resx), in one
/// resource because the pages share most of them (amount, balance, earmarks, states).
/// </summary>
public sealed class FundingStrings
{
    private FundingStrings()
    {
    }
}
