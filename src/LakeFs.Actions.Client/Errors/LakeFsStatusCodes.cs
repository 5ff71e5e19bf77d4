using System.Globalization;
using System.Net;

namespace LakeFs.Actions.Client;

/// <summary>What the client knows about lakeFS's status codes and response headers, in one place.</summary>
internal static class LakeFsStatusCodes
{
    /// <summary>The response header that names the request on the server.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>True for the statuses lakeFS and proxies use to throttle: 420 (older servers), 429, 503 (KV store throughput).</summary>
    public static bool IsThrottling(int status) => status is 420 or 429 or 503;

    /// <summary>True for throttling statuses that say the request was refused before it was acted on (420, 429).</summary>
    public static bool IsRefusedUnread(int status) => status is 420 or 429;

    /// <summary>True for statuses that are worth repeating for a request that is safe to repeat.</summary>
    public static bool IsTransient(int status) => IsThrottling(status) || status is 408 or 500 or 502 or 504;

    /// <summary>The status as an <see cref="HttpStatusCode"/> name, for logs.</summary>
    public static string Name(int status) => Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : status.ToString(CultureInfo.InvariantCulture);

    /// <summary>The raw <c>X-Request-ID</c> of a response (not yet bounded or redacted: see <see cref="LakeFsErrors"/>).</summary>
    public static string? RequestId(HttpResponseMessage? response) =>
        response is not null && response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
}
