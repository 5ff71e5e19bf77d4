using System.Net.Http.Headers;
using System.Reflection;

namespace LakeFs.Actions.Client;

/// <summary>Adds the client's per-request headers to every request the generated client sends.</summary>
internal partial class LakeFsRestClient
{
    private static readonly ProductInfoHeaderValue UserAgent = new(
        "LakeFs.Actions.Client",
        typeof(LakeFsRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");

    /// <summary>The Authorization header value (Basic or Bearer); never logged.</summary>
    internal AuthenticationHeaderValue? Authorization { get; set; }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        request.Headers.UserAgent.Add(UserAgent);
        if (Authorization is not null)
        {
            request.Headers.Authorization = Authorization;
        }
    }
}
