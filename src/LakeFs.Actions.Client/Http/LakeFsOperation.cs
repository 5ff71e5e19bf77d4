namespace LakeFs.Actions.Client;

/// <summary>
/// One REST operation of the lakeFS API, declared once (in the code generated from the OpenAPI document,
/// <c>LakeFsRestClient.Operations</c>) and carried by every request of it in
/// <see cref="HttpRequestMessage.Options"/> under <see cref="Key"/>.
/// </summary>
/// <remarks>
/// Logging, metrics, tracing, retry classification and errors read it from there; nothing parses a URL to find it
/// again.
/// </remarks>
internal sealed class LakeFsOperation
{
    /// <summary>Where a request carries its operation.</summary>
    public static readonly HttpRequestOptionsKey<LakeFsOperation> Key = new("lakefs.operation");

    /// <summary>Stands for a request that does not carry an operation (sent by someone else through the client's handler).</summary>
    public static readonly LakeFsOperation Unknown = new("unknown", HttpMethod.Get, "(unknown)", LakeFsResultKind.Stream);

    /// <param name="id">The OpenAPI operation id, e.g. <c>listRepositoryRuns</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route template relative to <c>/api/v1</c>, e.g. <c>/repositories/{repository}</c>; never holds an id.</param>
    /// <param name="result">What a successful answer carries: a JSON document, a streamed body, or nothing.</param>
    /// <param name="resultHeaders">Response headers the caller receives with the body, raw (<c>x-lakefs-result-headers</c>).</param>
    public LakeFsOperation(string id, HttpMethod method, string route, LakeFsResultKind result, params string[] resultHeaders)
    {
        ResultHeaders = resultHeaders;
        Id = id;
        Method = method;
        Route = route;
        Result = result;

        // RFC 9110 9.2.2: GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent. A POST (or PATCH) that
        // reached the server may have acted, so it is repeated only when the server refused it unread.
        IsSafeToRepeat = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;
    }

    /// <summary>The OpenAPI operation id, e.g. <c>listRepositoryRuns</c>.</summary>
    public string Id { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The route template, e.g. <c>/repositories/{repository}</c> (a metric tag: no ids).</summary>
    public string Route { get; }

    /// <summary>True when repeating the request after a 5xx, a timeout or a broken connection cannot do harm.</summary>
    public bool IsSafeToRepeat { get; }

    /// <summary>True when the operation pages (it has an <c>after</c> cursor): it runs under its listing's activity.</summary>
    public bool IsPaged { get; init; }

    /// <summary>What a successful answer carries.</summary>
    public LakeFsResultKind Result { get; }

    /// <summary>Response headers the caller receives with the body, raw (e.g. <c>ETag</c>); empty for most operations.</summary>
    public IReadOnlyList<string> ResultHeaders { get; }

    /// <summary>True when a successful answer is JSON (read whole, bounded); false when the body is streamed or absent.</summary>
    public bool ExpectsJson => Result == LakeFsResultKind.Json;

    /// <summary>The operation a request carries, or <see cref="Unknown"/>.</summary>
    public static LakeFsOperation Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var operation) ? operation : Unknown;

    /// <inheritdoc />
    public override string ToString() => Id;
}
