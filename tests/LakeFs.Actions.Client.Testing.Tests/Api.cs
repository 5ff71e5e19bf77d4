using System.Net;
using System.Text;
using System.Text.Json;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>Small plain-HttpClient calls the tests share.</summary>
internal static class Api
{
    public const string Repo = "repo";

    /// <summary>Starts an emulator with a fake clock and one empty repository.</summary>
    public static async Task<LakeFsActionsEmulator> StartWithRepositoryAsync(LakeFsEmulatorOptions? options = null)
    {
        var emulator = await LakeFsActionsEmulator.StartAsync(options);
        emulator.AddRepository(Repo);
        return emulator;
    }

    /// <summary>GETs <paramref name="path"/> (relative to the root) and parses the JSON body; fails unless the status is 200.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The run ids of one page of listRepositoryRuns.</summary>
    public static async Task<(List<string> Ids, JsonElement Pagination)> ListRunsAsync(HttpClient http, string query = "", string repository = Repo)
    {
        var json = await GetJsonAsync(http, $"api/v1/repositories/{Uri.EscapeDataString(repository)}/actions/runs{query}");
        var ids = json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("run_id").GetString()!).ToList();
        return (ids, json.GetProperty("pagination"));
    }

    /// <summary>The <c>message</c> of an error response, after checking its status and content type.</summary>
    public static async Task<string> GetErrorAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Request-ID"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString()!;
    }

    /// <summary>A request that does not reuse its connection, so a dropped connection is never retried by the handler.</summary>
    public static HttpRequestMessage FreshGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.ConnectionClose = true;
        return request;
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> with an optional JSON body and headers, and reads the whole answer.</summary>
    public static async Task<WireAnswer> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new WireAnswer(
            response.StatusCode,
            body,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>POSTs a repository creation.</summary>
    public static Task<WireAnswer> CreateRepositoryAsync(HttpClient http, string name, string storageNamespace, string query = "", string extra = "") =>
        SendAsync(http, HttpMethod.Post, "api/v1/repositories" + query, $"{{\"name\":\"{name}\",\"storage_namespace\":\"{storageNamespace}\"{extra}}}");
}
