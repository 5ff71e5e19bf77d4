using System.Globalization;
using System.Net.Http.Headers;

namespace LakeFs.Actions.Client;

/// <summary>Turns a successful hook output answer into a <see cref="HookOutput"/> that streams its body.</summary>
internal static class HookOutputReader
{
    /// <summary>The output, owning <paramref name="response"/>; the body is read as the caller reads <see cref="HookOutput.Content"/>.</summary>
    public static async Task<HookOutput> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new HookOutput(stream, FileName(response.Content.Headers.ContentDisposition), response.Content.Headers.ContentLength, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string? FileName(ContentDispositionHeaderValue? disposition) =>
        (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
}
