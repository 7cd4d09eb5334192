using CapacityBuilding.Assistance.Domain.Requests;
using Google.Type;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>google.type.Money to and from <see cref="StoredMoney"/>.</summary>
internal static class StoredMoneyMessages
{
    public static StoredMoney? ToStored(this Money? money) =>
        money is null ? null : new StoredMoney(money.CurrencyCode, money.Units, money.Nanos);

    public static Money? ToMessage(this StoredMoney? money) =>
        money is null ? null : new Money { CurrencyCode = money.CurrencyCode, Units = money.Units, Nanos = money.Nanos };
}
