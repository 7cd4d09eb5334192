namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// A list's rows with the first one read before anything is written: the first page is where a
/// service refuses (another country's request: not found; another donor's pledges: not allowed),
/// so the refusal comes before the file's first byte and ends on the error page with its status,
/// rather than as a download cut off after its header row.
/// </summary>
public static class ReadAhead
{
    public static async Task<IAsyncEnumerable<T>> FirstReadAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellation)
    {
        var enumerator = items.GetAsyncEnumerator(cancellation);
        try
        {
            return Rest(enumerator, await enumerator.MoveNextAsync());
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<T> Rest<T>(IAsyncEnumerator<T> enumerator, bool any)
    {
        await using (enumerator)
        {
            for (var more = any; more; more = await enumerator.MoveNextAsync())
            {
                yield return enumerator.Current;
            }
        }
    }
}
