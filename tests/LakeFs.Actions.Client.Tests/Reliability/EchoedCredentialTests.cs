using System.Net;
using System.Text;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Issue 12.4: a server or proxy that echoes the request's credentials in its answer (the JSON message, a
/// plain text body, the X-Request-ID header, the reason phrase, a redirect's location) does not get them into
/// the exception's message or <c>ToString()</c>, nor into the logs.
/// </summary>
public sealed class EchoedCredentialTests
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl";

    private static readonly string BasicValue = Convert.ToBase64String(Encoding.UTF8.GetBytes(KeyId + ":" + Secret));

    public static TheoryData<string, string> Channels()
    {
        var data = new TheoryData<string, string>();
        foreach (var credentials in new[] { "basic", "bearer" })
        {
            foreach (var channel in new[] { "json-message", "text-body", "html-body", "request-id", "reason-phrase", "location", "decoded-parts" })
            {
                data.Add(credentials, channel);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Credentials_echoed_by_the_server_are_redacted(string credentials, string channel)
    {
        var log = new CapturedLog();
        var transport = new InMemoryTransport(request => Echo(request, channel));
        var options = credentials == "basic"
            ? new LakeFsClientOptions { Endpoint = new Uri("http://127.0.0.1/"), AccessKeyId = KeyId, SecretAccessKey = Secret }
            : new LakeFsClientOptions { Endpoint = new Uri("http://127.0.0.1/"), BearerToken = Token };
        options.Retry.MaxRetries = 0;
        using var client = new LakeFsRepositoriesClient(options, transport, log);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        var forbidden = credentials == "basic"
            ? new[] { "Basic " + BasicValue, BasicValue, KeyId + ":" + Secret, Secret, KeyId }
            : ["Bearer " + Token, Token];
        foreach (var text in new[] { error.Message, error.ToString(), error.ServerMessage, error.RequestId, log.FullText })
        {
            foreach (var secret in forbidden)
            {
                Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Contains("[REDACTED]", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Echo(HttpRequestMessage request, string channel)
    {
        var authorization = request.Headers.Authorization!.ToString();
        switch (channel)
        {
            case "json-message":
                return InMemoryTransport.Json($$"""{"message": "bad header {{authorization}}"}""", HttpStatusCode.BadRequest);
            case "text-body":
                return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("you sent: " + authorization) };
            case "html-body":
                return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent($"<html><body><p>{authorization}</p></body></html>", Encoding.UTF8, "text/html") };
            case "request-id":
                var withId = InMemoryTransport.Json("""{"message": "not found"}""", HttpStatusCode.NotFound);
                withId.Headers.TryAddWithoutValidation("X-Request-ID", authorization);
                return withId;
            case "reason-phrase":
                return new HttpResponseMessage(HttpStatusCode.InternalServerError) { ReasonPhrase = "Echo " + authorization };
            case "location":
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.TryAddWithoutValidation("Location", "http://elsewhere.test/" + Uri.EscapeDataString(request.Headers.Authorization.Parameter!).Replace("%2F", "/", StringComparison.Ordinal));
                return redirect;
            default:
                // The decoded pair and its parts, as a server that decodes Basic credentials might print them.
                var decoded = request.Headers.Authorization.Scheme == "Basic"
                    ? Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!))
                    : request.Headers.Authorization.Parameter!;
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                var parts = colon < 0 ? decoded : $"user {decoded[..colon]} secret {decoded[(colon + 1)..]} pair {decoded}";
                return InMemoryTransport.Json($$"""{"message": "denied: {{parts}}"}""", HttpStatusCode.Unauthorized);
        }
    }
}
