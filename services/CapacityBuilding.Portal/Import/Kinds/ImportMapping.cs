using Google.Protobuf;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// A kind's row mapping for one run: <see cref="Build"/> makes a row's create request (its
/// request id and validate_only set by the run), recording on the row what it cannot read;
/// <see cref="AllowedValues"/> lists each code-list column's values for the template.
/// </summary>
public sealed record ImportMapping(Func<ImportRow, IMessage> Build, IReadOnlyDictionary<string, IEnumerable<(string Code, string Name)>> AllowedValues);
