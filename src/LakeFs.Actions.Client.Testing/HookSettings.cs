
namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A hook's properties turned into what it needs to run, as lakeFS does when it instantiates the hooks of an event
/// (before any runs). A failure here refuses the operation with 500 and records no run; the texts are lakeFS's.
/// </summary>
internal static class HookSettings
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    public static WebhookSettings ForWebhook(ActionHook hook, Func<string, string?> env)
    {
        var properties = PlainProperties(hook);
        if (!properties.TryGetValue("url", out var urlValue) || urlValue is not string url)
        {
            throw new HookInstantiationException("webhook url must be string: webhook wrong format");
        }

        TimeSpan? timeout = DefaultTimeout;
        if (properties.TryGetValue("timeout", out var timeoutValue) && timeoutValue is string { Length: > 0 } timeoutText)
        {
            if (!GoDuration.TryParse(timeoutText, out var parsed, out var error))
            {
                throw new HookInstantiationException("webhook request duration: " + error);
            }

            timeout = parsed > TimeSpan.Zero ? parsed : null;
        }

        var query = new List<KeyValuePair<string, SecretValue>>();
        if (properties.TryGetValue("query_params", out var queryValue) && queryValue is not null)
        {
            if (queryValue is not IReadOnlyDictionary<string, object?> queryMap)
            {
                throw new HookInstantiationException("extracting query params: query params not a map: webhook wrong format");
            }

            foreach (var (key, value) in queryMap)
            {
                var values = value switch
                {
                    string single => [single],
                    IReadOnlyList<object?> list when list.All(static v => v is string) => list.Cast<string>().ToList(),
                    _ => throw new HookInstantiationException($"extracting query params: query param {key} not a string or list of strings: webhook wrong format"),
                };
                foreach (var item in values)
                {
                    query.Add(new(key, Resolve(item, env, "extracting query params: reading query param: ")));
                }
            }
        }

        var headers = new List<KeyValuePair<string, SecretValue>>();
        if (properties.TryGetValue("headers", out var headersValue) && headersValue is not null)
        {
            if (headersValue is not IReadOnlyDictionary<string, object?> headerMap)
            {
                throw new HookInstantiationException("extracting headers: headers not a map: webhook wrong format");
            }

            foreach (var (key, value) in headerMap)
            {
                if (value is not string text)
                {
                    throw new HookInstantiationException($"extracting headers: header {key} not a string: webhook wrong format");
                }

                headers.Add(new(key, Resolve(text, env, "extracting headers: reading header: ")));
            }
        }

        return new WebhookSettings(url, timeout, query, headers);
    }

    public static AirflowSettings ForAirflow(ActionHook hook, Func<string, string?> env)
    {
        var properties = PlainProperties(hook);
        string Required(string name) =>
            properties.TryGetValue(name, out var value) && value is string { Length: > 0 } text
                ? text
                : throw new HookInstantiationException($"airflow hook {name} property: missing or not a non-empty string: webhook wrong format");

        var url = Required("url");
        var dagId = Required("dag_id");
        var username = Required("username");
        var password = Resolve(Required("password"), env, "airflow hook password property: ");
        var conf = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (properties.TryGetValue("dag_conf", out var confValue) && confValue is not null)
        {
            if (confValue is not IReadOnlyDictionary<string, object?> map)
            {
                throw new HookInstantiationException("airflow hook dag_conf property: not a map: webhook wrong format");
            }

            foreach (var (key, value) in map)
            {
                conf[key] = value;
            }
        }

        var wait = properties.TryGetValue("wait_for_dag", out var waitValue) && waitValue is true;
        TimeSpan timeout = DefaultTimeout;
        if (properties.TryGetValue("timeout", out var timeoutValue) && timeoutValue is string timeoutText && GoDuration.TryParse(timeoutText, out var parsed, out _))
        {
            timeout = parsed;
        }

        return new AirflowSettings(url, dagId, username, password, conf, wait, timeout);
    }

    /// <summary>A hook's properties as plain values: strings, longs, doubles, booleans, null, maps and lists.</summary>
    public static IReadOnlyDictionary<string, object?> PlainProperties(ActionHook hook) =>
        hook.Properties?.ToPlainValue() as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    private static SecretValue Resolve(string value, Func<string, string?> env, string context) =>
        EnvTemplate.TryResolve(value, env, out var resolved, out var error)
            ? resolved
            : throw new HookInstantiationException(context + error);
}

/// <summary>A webhook ready to call; a null timeout means none.</summary>
internal sealed record WebhookSettings(
    string Url,
    TimeSpan? Timeout,
    IReadOnlyList<KeyValuePair<string, SecretValue>> QueryParams,
    IReadOnlyList<KeyValuePair<string, SecretValue>> Headers);

/// <summary>An airflow hook ready to call.</summary>
internal sealed record AirflowSettings(
    string Url,
    string DagId,
    string Username,
    SecretValue Password,
    IReadOnlyDictionary<string, object?> DagConf,
    bool WaitForDag,
    TimeSpan Timeout);

/// <summary>A hook that cannot be built from its properties; lakeFS answers 500 and records no run.</summary>
internal sealed class HookInstantiationException(string message) : Exception(message);
