using System.Text;
using System.Xml;

namespace CapacityBuilding.Portal.Exports;

/// <summary>One page of a paged IATI export: a complete <c>iati-activities</c> document (empty when the page has no activity) and the next page's token.</summary>
public sealed record IatiFilePage(string Xml, string NextPageToken);

/// <summary>
/// Funding exports the IATI activities file a page at a time, each page a complete
/// <c>iati-activities</c> document; a download is one file of every page. The first page with
/// activities gives the root element (its version and attributes), every page gives its
/// activities, copied node by node as each page arrives, so the portal holds one page at a time
/// and the browser receives the file as it is made. A feed with no activity at all is no file
/// (IATI's schema wants at least one activity): 204 No Content. A page that fails once the file
/// has begun aborts the download, which the browser reports as failed, never as a shorter file.
/// </summary>
public static class IatiFilePages
{
    private static readonly XmlReaderSettings PageReading = new() { Async = true, DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true };

    private static readonly XmlWriterSettings FileWriting = new() { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };

    public static async Task WriteAsync(HttpContext context, string fileName, Func<string, CancellationToken, Task<IatiFilePage>> readPage)
    {
        var cancellation = context.RequestAborted;
        var page = await readPage("", cancellation);
        while (page.Xml.Length == 0 && page.NextPageToken.Length > 0)
        {
            page = await readPage(page.NextPageToken, cancellation);
        }

        if (page.Xml.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = XmlWriter.Create(context.Response.Body, FileWriting);
        await writer.WriteStartDocumentAsync();
        await CopyAsync(page.Xml, writer, withRoot: true);
        while (page.NextPageToken.Length > 0)
        {
            page = await readPage(page.NextPageToken, cancellation);
            await CopyAsync(page.Xml, writer, withRoot: false);
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    /// <summary>The page's activities (every child of its root), and its root's start tag when <paramref name="withRoot"/>.</summary>
    private static async Task CopyAsync(string xml, XmlWriter writer, bool withRoot)
    {
        if (xml.Length == 0)
        {
            return;
        }

        using var reader = XmlReader.Create(new StringReader(xml), PageReading);
        await reader.MoveToContentAsync();
        if (withRoot)
        {
            await writer.WriteStartElementAsync(reader.Prefix, reader.LocalName, reader.NamespaceURI);
            await writer.WriteAttributesAsync(reader, defattr: true);
            reader.MoveToElement();
        }

        if (reader.IsEmptyElement)
        {
            return;
        }

        await reader.ReadAsync();
        while (!reader.EOF && (reader.NodeType != XmlNodeType.EndElement || reader.Depth > 0))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                await writer.WriteNodeAsync(reader, defattr: true);
            }
            else
            {
                await reader.ReadAsync();
            }
        }
    }
}
