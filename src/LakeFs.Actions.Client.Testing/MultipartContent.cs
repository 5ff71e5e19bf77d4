using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LakeFs.Actions.Client.Testing;

/// <summary>Reads one named part of a buffered <c>multipart/form-data</c> body (lakeFS's upload takes the part <c>content</c>).</summary>
internal static class MultipartContent
{
    public static bool TryRead(string contentType, byte[] body, string name, out byte[] content, out string? partContentType)
    {
        content = [];
        partContentType = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return false;
        }

        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, name, StringComparison.Ordinal))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            section.Body.CopyTo(buffer);
            content = buffer.ToArray();
            partContentType = section.ContentType;
            return true;
        }

        return false;
    }
}
