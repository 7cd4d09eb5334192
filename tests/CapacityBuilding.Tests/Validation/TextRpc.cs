namespace CapacityBuilding.Tests.Validation;

/// <summary>
/// One rpc that stores a caller's text in <paramref name="Field"/>: <paramref name="WriteAsync"/>
/// sends a text and answers it as read back afterwards; <paramref name="StoredAsync"/> answers what
/// the field holds after a refused write, which must be <paramref name="Unchanged"/>.
/// </summary>
internal sealed record TextRpc(string Field, Func<string, Task<string>> WriteAsync, Func<Task<string>> StoredAsync, string Unchanged);
