using CapacityBuilding.Contracts.Funding.V1;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Components.Pages.Needs;

/// <summary>Which budget a gap is measured against, in words (<c>Basis_Approved</c> ...).</summary>
public static class BudgetBasisText
{
    public static string Of(IStringLocalizer<NeedStrings> strings, BudgetBasis basis) => strings["Basis_" + basis];
}
