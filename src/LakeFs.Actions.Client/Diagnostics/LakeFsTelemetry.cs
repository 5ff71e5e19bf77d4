using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace LakeFs.Actions.Client.Diagnostics;

/// <summary>
/// Tracing and metrics, both named <c>LakeFs.Actions.Client</c>: add the source and the meter to
/// OpenTelemetry and lakeFS calls show up in traces and dashboards.
/// </summary>
internal static class LakeFsTelemetry
{
    public const string Name = "LakeFs.Actions.Client";
    public const string OperationTag = "lakefs.operation";
    public const string RepositoryTag = "lakefs.repository";
    public const string StatusCodeTag = "http.response.status_code";
    public const string AttemptsTag = "lakefs.attempts";
    public const string PagesTag = "lakefs.pages";
    public const string RouteTag = "http.route";

    private static readonly string Version =
        typeof(LakeFsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Requests sent, by route and status code.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("lakefs.client.requests", "{request}", "HTTP requests sent to lakeFS.");

    /// <summary>Time to response headers, by route and status code.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("lakefs.client.request.duration", "s", "Time until lakeFS answered a request.");

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

    /// <summary>Starts the activity of one facade operation; null when nobody listens.</summary>
    public static Activity? StartOperation(string operation, string? repository)
    {
        var activity = Source.StartActivity("lakeFS " + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(OperationTag, operation);
            if (repository is not null)
            {
                activity.SetTag(RepositoryTag, repository);
            }
        }

        return activity;
    }
}
