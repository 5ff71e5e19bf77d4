using System.Net;
using System.Text.Json;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>A whole HTTP answer: status, body text, media type and response headers (values joined by commas).</summary>
internal sealed record WireAnswer(HttpStatusCode Status, string Body, string? MediaType, IReadOnlyDictionary<string, string> Headers)
{
    public bool HasRequestId => Headers.ContainsKey("X-Request-ID");

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The <c>message</c> of a JSON error body.</summary>
    public string Message => Json.GetProperty("message").GetString()!;

    /// <summary>Fails with the body when the status is not <paramref name="expected"/>.</summary>
    public WireAnswer Expect(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected}, got {(int)Status}: {Body}");
        return this;
    }
}
