using System.Net.Http.Headers;
using System.Text;

namespace LakeFs.Actions.Client.Benchmarks.Wire;

/// <summary>The HTTP Basic header a hand-written client sends for an access key pair.</summary>
internal static class BasicCredentials
{
    public static AuthenticationHeaderValue Header(string accessKeyId, string secretAccessKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(accessKeyId + ":" + secretAccessKey)));
}
