using System.Buffers.Text;
using System.Text;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.ServiceDefaults.Paging;

/// <summary>
/// Opaque page tokens (AIP-158). A token holds the last id of the page it follows and the scope
/// of the listing it belongs to (the parent, later the filter), so that a token cannot be
/// replayed against another listing. Clients must not parse it; its format may change.
/// </summary>
public sealed class PageTokens(ApiErrors errors)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public const string PageSizeField = "page_size";
    public const string PageTokenField = "page_token";

    private const string Version = "v1";

    public int NormalizePageSize(int requested) => requested switch
    {
        < 0 => throw errors.InvalidArgument(PageSizeField, "must not be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    public static string Encode(string? lastId, string scope) =>
        lastId is null ? string.Empty : Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{scope}\n{lastId}"));

    /// <summary>The id after which the page starts, or null for the first page.</summary>
    public string? Decode(string token, string scope)
    {
        if (token.Length == 0)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
        }
        catch (FormatException)
        {
            throw errors.InvalidArgument(PageTokenField, "is not a token this service issued.");
        }

        if (parts is not [Version, var tokenScope, var lastId] || lastId.Length == 0)
        {
            throw errors.InvalidArgument(PageTokenField, "is not a token this service issued.");
        }

        if (tokenScope != scope)
        {
            throw errors.InvalidArgument(PageTokenField, "belongs to another listing; start again without a token.");
        }

        return lastId;
    }
}
