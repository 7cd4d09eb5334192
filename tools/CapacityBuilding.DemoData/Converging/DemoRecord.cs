using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.DemoData.Converging;

/// <summary>
/// One entry of the demo files as <see cref="DemoRecords"/> creates it: the resource with this
/// version's content (names of other records filled in), and the calls that create it, list the
/// records it could be among and, where the API edits it, update it.
/// </summary>
/// <param name="Kind">What the record is, for the log: <c>course</c>, <c>request</c>.</param>
/// <param name="Key">The entry's key in the data files; its create's request id is <c>demo:{key}</c>.</param>
/// <param name="Create">Creates <see cref="Content"/> with the request id given.</param>
/// <param name="ListPage">One page of the records an earlier version's create would be among, from the page token given.</param>
/// <param name="IsEarlier">What tells the earlier version's record apart from its neighbours (a title, a name, a date), which a new version keeps.</param>
/// <param name="Update">The resource's Update with the fields named in the mask and its etag, or null where the API edits no such record.</param>
public sealed record DemoRecord<T>(
    string Kind,
    string Key,
    T Content,
    Func<string, CallOptions, Task<T>> Create,
    Func<string, CallOptions, Task<DemoPage<T>>> ListPage,
    Func<T, bool> IsEarlier,
    Func<T, FieldMask, CallOptions, Task<T>>? Update = null)
    where T : class, IMessage<T>, new();

/// <summary>A page of a list call: its records and the token of the next page (empty after the last).</summary>
public sealed record DemoPage<T>(IEnumerable<T> Items, string NextPageToken);

/// <summary>Reads a list call's answer as a <see cref="DemoPage{T}"/>: every list response carries its <c>next_page_token</c> (AIP-158).</summary>
public static class DemoPages
{
    private const string NextPageTokenField = "next_page_token";

    public static DemoPage<T> Of<TResponse, T>(TResponse response, Func<TResponse, IEnumerable<T>> items)
        where TResponse : IMessage =>
        new(items(response), response.Descriptor.FindFieldByName(NextPageTokenField)?.Accessor.GetValue(response) as string ?? "");
}
