using CapacityBuilding.Funding.Domain.Money;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>One IATI transaction: its TransactionType code, day, value and the organisations money moved between.</summary>
public sealed record IatiTransaction(
    string Type, DateOnly Day, string CurrencyCode, Amount Value, IatiOrganisation Provider, IatiOrganisation? Receiver);
