using System.Globalization;
using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Benchmarks.Baselines;

/// <summary>
/// The listing loop a user would write by hand without the client: one <see cref="HttpClient"/> request per page,
/// the body streamed through Newtonsoft's <see cref="JsonTextReader"/> into the library's generated
/// <see cref="ActionRun"/> model (in a page class of the user's own, <see cref="UserRunPage"/>), following
/// <c>next_offset</c>. No retry, no error translation, no telemetry. The serializer is the caller's choice: the
/// honest baseline is <see cref="JsonSerializer.CreateDefault()"/> (what a user writes); the client's own settings
/// (<see cref="LakeFsJson.CreateSerializerSettings"/>) make a second, separately labelled row.
/// </summary>
internal sealed class NewtonsoftRunListing
{
    private readonly HttpClient _http;
    private readonly string _runsPath;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly JsonSerializer _serializer;

    /// <param name="http">A client whose base address is the server root (without <c>api/v1</c>).</param>
    public NewtonsoftRunListing(HttpClient http, JsonSerializer serializer, string repository, int pageSize, AuthenticationHeaderValue authorization)
    {
        _http = http;
        _serializer = serializer;
        _runsPath = $"api/v1/repositories/{Uri.EscapeDataString(repository)}/actions/runs?amount={pageSize.ToString(CultureInfo.InvariantCulture)}";
        _authorization = authorization;
    }

    /// <summary>Reads every run into <paramref name="tally"/>.</summary>
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
            UserRunPage page;
            using (var text = new StreamReader(stream))
            using (var json = new JsonTextReader(text))
            {
                page = _serializer.Deserialize<UserRunPage>(json) ?? throw new InvalidDataException("null page");
            }

            foreach (var run in page.Results)
            {
                tally.Add(run.RunId, run.StartTime);
            }

            after = page.Pagination.HasMore ? page.Pagination.NextOffset : null;
        }
        while (after is not null);
    }
}
