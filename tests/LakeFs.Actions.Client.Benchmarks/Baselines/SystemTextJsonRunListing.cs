using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LakeFs.Actions.Client.Benchmarks.Baselines;

/// <summary>
/// Baseline (b), the practical floor: the same request loop as <see cref="NewtonsoftRunListing"/>, but each page is
/// read by System.Text.Json's source-generated deserializer into plain records (no extension data, no status
/// type, no Go zero-time handling).
/// </summary>
internal sealed class SystemTextJsonRunListing
{
    private readonly HttpClient _http;
    private readonly string _runsPath;
    private readonly AuthenticationHeaderValue _authorization;

    public SystemTextJsonRunListing(HttpClient http, string repository, int pageSize, AuthenticationHeaderValue authorization)
    {
        _http = http;
        _runsPath = $"api/v1/repositories/{Uri.EscapeDataString(repository)}/actions/runs?amount={pageSize.ToString(CultureInfo.InvariantCulture)}";
        _authorization = authorization;
    }

    public async Task EnumerateAsync(RunTally tally, CancellationToken cancellationToken = default)
    {
        string? after = null;
        do
        {
            var url = after is null ? _runsPath : _runsPath + "&after=" + Uri.EscapeDataString(after);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var page = await JsonSerializer.DeserializeAsync(stream, PlainRunJsonContext.Default.PlainRunList, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException("null page");
                foreach (var run in page.Results)
                {
                    tally.Add(run.RunId, run.StartTime);
                }

                after = page.Pagination.HasMore ? page.Pagination.NextOffset : null;
            }
        }
        while (after is not null);
    }
}
