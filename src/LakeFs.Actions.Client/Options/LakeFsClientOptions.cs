using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// Where the lakeFS server is and how to authenticate. Set <see cref="Endpoint"/> and either
/// <see cref="AccessKeyId"/> with <see cref="SecretAccessKey"/> (HTTP Basic) or <see cref="BearerToken"/>.
/// <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class LakeFsClientOptions
{
    /// <summary>The configuration section <c>AddLakeFsActionsClient(IConfiguration)</c> reads by default.</summary>
    public const string SectionName = "LakeFs";

    /// <summary>Largest page size lakeFS serves.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The default of <see cref="MaxResponseBodySize"/>: 32 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 32L * 1024 * 1024;

    private const long MinResponseBodySize = 1024;
    private const long MaxResponseBodySizeLimit = 1024L * 1024 * 1024;

    /// <summary>
    /// The lakeFS server, e.g. <c>https://lakefs.example.com</c>; with or without the <c>/api/v1</c> suffix.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Access key id for HTTP Basic authentication.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Secret access key for HTTP Basic authentication. Never logged or shown.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>A JWT from <c>POST /auth/login</c>, used instead of access keys. Never logged or shown.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Retry behaviour on throttling and transient failures.</summary>
    public LakeFsRetryOptions Retry { get; set; } = new();

    /// <summary>Default page size for listings (1..1000); <c>null</c> lets the server choose (100).</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Time limit of one attempt, end to end: until the response headers and, for a JSON answer, its whole
    /// body are read; default 100 s. Retries get a fresh limit. Hook output is streamed to the caller, so its
    /// body is read under the caller's token instead.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest JSON response body the client reads, in bytes (1 KiB to 1 GiB); default 32 MiB. A larger
    /// answer fails with a <see cref="LakeFsApiException"/> instead of being held in memory. A page of 1,000
    /// runs is about 300 KB. Does not limit hook output, which is streamed.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>
    /// Fetch the next page of a listing while the caller is still consuming the current one. Hides the
    /// server's latency when the caller does work per page; costs at most one page fetched and not used
    /// when the caller stops early. Default false.
    /// </summary>
    public bool PrefetchNextPage { get; set; }

    /// <summary>The endpoint with <c>/api/v1/</c> appended once; <c>null</c> while <see cref="Endpoint"/> is not set.</summary>
    internal Uri? ApiBaseUri => Endpoint is null ? null : NormalizeEndpoint(Endpoint);

    /// <summary>Describes the options without any secret.</summary>
    /// <returns>E.g. <c>Endpoint=https://lakefs.example.com/, AccessKeyId=AKIA..., SecretAccessKey=***</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Endpoint=").Append(Endpoint?.ToString() ?? "(not set)");
        text.Append(", AccessKeyId=").Append(AccessKeyId ?? "(not set)");
        text.Append(", SecretAccessKey=").Append(SecretAccessKey is null ? "(not set)" : "***");
        text.Append(", BearerToken=").Append(BearerToken is null ? "(not set)" : "***");
        text.Append(", PageSize=").Append(PageSize?.ToString(CultureInfo.InvariantCulture) ?? "(server default)");
        text.Append(", Timeout=").Append(Timeout.ToString("c", CultureInfo.InvariantCulture));
        text.Append(", MaxResponseBodySize=").Append(MaxResponseBodySize.ToString(CultureInfo.InvariantCulture));
        text.Append(", PrefetchNextPage=").Append(PrefetchNextPage ? "true" : "false");
        text.Append(", Retry={").Append(Retry).Append('}');
        return text.ToString();
    }

    /// <summary>Every problem with these options, each naming the setting; empty when they are valid.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Endpoint is null)
        {
            errors.Add($"{nameof(Endpoint)} is required: the lakeFS server URL, e.g. https://lakefs.example.com.");
        }
        else if (!Endpoint.IsAbsoluteUri)
        {
            errors.Add($"{nameof(Endpoint)} must be an absolute http or https URL (was '{Endpoint.OriginalString}').");
        }
        else if (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{nameof(Endpoint)} must use http or https (was '{Endpoint.Scheme}').");
        }
        else if (!string.IsNullOrEmpty(Endpoint.Query) || !string.IsNullOrEmpty(Endpoint.Fragment) || !string.IsNullOrEmpty(Endpoint.UserInfo))
        {
            errors.Add($"{nameof(Endpoint)} must not contain a query, fragment or user info; set credentials with {nameof(AccessKeyId)} and {nameof(SecretAccessKey)}.");
        }

        var hasKeyId = !string.IsNullOrWhiteSpace(AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(SecretAccessKey);
        if (hasKeyId != hasSecret)
        {
            errors.Add(hasKeyId
                ? $"{nameof(SecretAccessKey)} is required when {nameof(AccessKeyId)} is set."
                : $"{nameof(AccessKeyId)} is required when {nameof(SecretAccessKey)} is set.");
        }

        if (hasKeyId && AccessKeyId!.Contains(':', StringComparison.Ordinal))
        {
            errors.Add($"{nameof(AccessKeyId)} must not contain ':'.");
        }

        if (BearerToken is not null && string.IsNullOrWhiteSpace(BearerToken))
        {
            errors.Add($"{nameof(BearerToken)} must not be empty when set.");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add($"{nameof(PageSize)} must be between 1 and {MaxPageSize} (was {PageSize}).");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{nameof(Timeout)} must be positive or Timeout.InfiniteTimeSpan (was {Timeout}).");
        }

        if (MaxResponseBodySize is < MinResponseBodySize or > MaxResponseBodySizeLimit)
        {
            errors.Add($"{nameof(MaxResponseBodySize)} must be between {MinResponseBodySize} and {MaxResponseBodySizeLimit} bytes (was {MaxResponseBodySize}).");
        }

        if (Retry is null)
        {
            errors.Add($"{nameof(Retry)} must not be null.");
        }
        else
        {
            errors.AddRange(Retry.Validate());
        }

        return errors;
    }

    /// <summary>Throws when the options are not valid.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it.</exception>
    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid lakeFS client options: " + string.Join(" ", errors), "options");
        }
    }

    internal LakeFsClientOptions Clone() => new()
    {
        Endpoint = Endpoint,
        AccessKeyId = AccessKeyId,
        SecretAccessKey = SecretAccessKey,
        BearerToken = BearerToken,
        PageSize = PageSize,
        Timeout = Timeout,
        MaxResponseBodySize = MaxResponseBodySize,
        PrefetchNextPage = PrefetchNextPage,
        Retry = new LakeFsRetryOptions
        {
            MaxRetries = Retry.MaxRetries,
            BaseDelay = Retry.BaseDelay,
            MaxDelay = Retry.MaxDelay,
            RespectRetryAfter = Retry.RespectRetryAfter,
        },
    };

    private static Uri NormalizeEndpoint(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/api/v1".Length];
        }

        var builder = new UriBuilder(endpoint) { Path = path + "/api/v1/", Query = string.Empty, Fragment = string.Empty };
        return builder.Uri;
    }
}
