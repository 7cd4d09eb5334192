using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// What can be imported: its template's columns, how a row becomes the service's create request,
/// and the call that sends it. Every rule stays in the service: a kind only reads cells.
/// </summary>
public interface IImportKind
{
    /// <summary>The kind in paths and file names (<c>requests</c>, <c>donors</c>, ...).</summary>
    string Slug { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The row mapping of one run, with its code lists named in the current UI language once.</summary>
    ImportMapping Mapping();

    /// <summary>Sends a create made by <see cref="ImportMapping.Build"/>; answers the stored resource's create time (none for a check).</summary>
    Task<Timestamp?> SendAsync(IMessage create, CallOptions options);
}
