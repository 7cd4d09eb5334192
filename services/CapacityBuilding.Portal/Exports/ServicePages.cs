using System.Runtime.CompilerServices;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// Every item of a paged list rpc (AIP-158), one page in memory at a time: the next page is asked
/// for only when the previous one has been consumed, and the walk ends on an empty token.
/// </summary>
public static class ServicePages
{
    public static async IAsyncEnumerable<TItem> AllAsync<TResponse, TItem>(
        Func<string, CancellationToken, Task<TResponse>> readPage,
        Func<TResponse, IEnumerable<TItem>> items,
        Func<TResponse, string> nextPageToken,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        var token = "";
        do
        {
            var page = await readPage(token, cancellation);
            foreach (var item in items(page))
            {
                yield return item;
            }

            token = nextPageToken(page);
        }
        while (token.Length > 0);
    }
}
