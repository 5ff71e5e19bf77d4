using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace LakeFs.Actions.Client;

/// <summary>
/// Tracing and metrics, both named <c>LakeFs.Actions.Client</c>: add the source and the meter to OpenTelemetry
/// and lakeFS calls show up in traces and dashboards.
/// </summary>
/// <remarks>
/// Follows the OpenTelemetry conventions: the tags an operation is known by are given when its activity starts
/// (so samplers see them), a successful activity keeps the status Unset, a failed one (including a cancelled one)
/// gets Error and <c>error.type</c>.
/// </remarks>
internal static class LakeFsTelemetry
{
    public const string Name = "LakeFs.Actions.Client";
    public const string OperationTag = "lakefs.operation";
    public const string RepositoryTag = "lakefs.repository";
    public const string StatusCodeTag = "http.response.status_code";
    public const string MethodTag = "http.request.method";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string ErrorTypeTag = "error.type";
    public const string AttemptsTag = "lakefs.attempts";
    public const string PagesTag = "lakefs.pages";
    public const string RouteTag = "http.route";

    private static readonly string Version =
        typeof(LakeFsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Requests sent, by route and status code.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("lakefs.client.requests", "{request}", "HTTP requests sent to lakeFS.");

    /// <summary>Time to response headers, by route and status code; bucket advice as OpenTelemetry's HTTP conventions give for seconds.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "lakefs.client.request.duration",
        "s",
        "Time until lakeFS answered a request.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    /// <summary>Retries scheduled, by operation and reason.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("lakefs.client.retries", "{retry}", "Requests retried after a throttling or transient failure.");

    /// <summary>Throttling answers (420, 429, 503), by status code.</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>("lakefs.client.throttled", "{response}", "Throttling responses received from lakeFS or a proxy.");

    /// <summary>
    /// The activity of the facade operation running now, or null when the current activity is not one of
    /// ours: when nobody listens to <see cref="Source"/>, <see cref="Activity.Current"/> is the caller's
    /// activity (e.g. a server span), which must not get the client's tags or status.
    /// </summary>
    public static Activity? CurrentOperation => Activity.Current is { } activity && ReferenceEquals(activity.Source, Source) ? activity : null;

    /// <summary>Adds the attempts of one request to the current operation's count: a listing sums those of its pages.</summary>
    public static void AddAttempts(int attempts)
    {
        if (CurrentOperation is { } activity)
        {
            var previous = activity.GetTagItem(AttemptsTag) as int? ?? 0;
            activity.SetTag(AttemptsTag, previous + attempts);
        }
    }

    /// <summary>Starts the activity of one operation with its tags (so samplers see them); null when nobody listens.</summary>
    /// <remarks>
    /// The only place an operation's activity starts (see <c>LakeFsRequestPipeline.StartActivity</c>). Its kind is
    /// Client although it is a logical operation over one or more HTTP requests: it is the client side of a lakeFS
    /// call as a trace backend shows it (service maps draw the lakeFS dependency from it, with
    /// <c>server.address</c>/<c>server.port</c>), and it stays so when HttpClient's own instrumentation is off. When
    /// that instrumentation is on, each attempt's HTTP span is its child, and <c>lakefs.attempts</c> on this span
    /// counts the attempts (the resends are the attempts after the first).
    /// </remarks>
    public static Activity? StartOperation(LakeFsOperation operation, string? repository, string serverAddress, int serverPort)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var tags = new TagList
        {
            { OperationTag, operation.Id },
            { MethodTag, operation.Method.Method },
            { ServerAddressTag, serverAddress },
            { ServerPortTag, serverPort },
        };
        if (repository is not null)
        {
            tags.Add(RepositoryTag, repository);
        }

        return Source.StartActivity(ActivityKind.Client, parentContext: default, tags, name: "lakeFS " + operation.Id);
    }

    /// <summary>Marks an operation's activity as failed: status Error with a short description, and <c>error.type</c>.</summary>
    public static void RecordFailure(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error is LakeFsApiException api ? api.Reason : error.GetType().Name);
        activity.SetTag(ErrorTypeTag, ErrorType(error));
    }

    /// <summary>The <c>error.type</c> of a failure: the HTTP status for an error status, otherwise the full name of the underlying exception type.</summary>
    public static string ErrorType(Exception error) => error switch
    {
        LakeFsApiException { ErrorType: { } type } => type,
        LakeFsApiException { StatusCode: >= 300 } api => api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OperationCanceledException => typeof(OperationCanceledException).FullName!,
        _ => error.GetType().FullName ?? "_OTHER",
    };
}
