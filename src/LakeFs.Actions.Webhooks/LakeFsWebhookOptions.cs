namespace LakeFs.Actions.Webhooks;

/// <summary>
/// How a lakeFS webhook endpoint checks and times requests. Register with
/// <see cref="LakeFsWebhookServiceCollectionExtensions.AddLakeFsWebhooks(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LakeFsWebhookOptions})"/>
/// (bindable from configuration); read when the endpoint is mapped.
/// </summary>
public sealed class LakeFsWebhookOptions
{
    /// <summary>The header <see cref="SecretHeaderName"/> defaults to.</summary>
    public const string DefaultSecretHeaderName = "X-LakeFs-Webhook-Secret";

    /// <summary>
    /// The largest body accepted, in bytes; a larger one is answered 413. Default 1 MiB: lakeFS payloads are a few
    /// hundred bytes plus the commit's metadata.
    /// </summary>
    public long MaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The shared secret lakeFS must send, or null to accept every request. lakeFS signs nothing, so set one in the
    /// action file from an environment variable: <c>headers: { X-LakeFs-Webhook-Secret: "{{ ENV.LAKEFSACTION_WEBHOOK_SECRET }}" }</c>
    /// (lakeFS then shows it as <c>*******</c> in hook logs). Compared in constant time; never logged. A missing or
    /// wrong secret is answered 401. An empty string is rejected at start-up (an unset variable must not turn the check off silently).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The request header that carries the secret; null to not look at headers. Default <see cref="DefaultSecretHeaderName"/>.</summary>
    public string? SecretHeaderName { get; set; } = DefaultSecretHeaderName;

    /// <summary>
    /// The query parameter that carries the secret (lakeFS's <c>query_params</c>), looked at when the header is absent;
    /// null (the default) to not accept it there. Prefer the header: ASP.NET Core's request logging
    /// (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c> at Information) writes query strings to the log.
    /// </summary>
    public string? SecretQueryParameterName { get; set; }

    /// <summary>
    /// When the endpoint answers at the latest, counted from the request's arrival. Default 55 s: lakeFS gives a
    /// webhook 1 minute unless the action file's <c>timeout</c> says otherwise (set this a little under that value).
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(55);

    /// <summary>
    /// How long before <see cref="Deadline"/> the handler's cancellation token is cancelled, leaving it time to stop
    /// (default 5 s). A handler that stops by throwing <see cref="OperationCanceledException"/> gets the
    /// "ran out of time" failure; one that ignores the token is answered that failure at the deadline anyway.
    /// </summary>
    public TimeSpan CancellationMargin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The status a refusal (<see cref="LakeFsHookResult.Fail"/>) is answered with, 400-599; default 412
    /// (Precondition Failed): lakeFS logs it as <c>webhook request failed (status code: 412)</c>, which tells a rule's
    /// refusal apart from a bad request (400), a wrong secret (401), running out of time (503) or a crashed handler (500).
    /// </summary>
    public int RefusalStatusCode { get; set; } = 412;

    /// <summary>The problems with these options, each naming the setting; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBodySize <= 0)
        {
            errors.Add($"{nameof(MaxBodySize)} must be positive (was {MaxBodySize}).");
        }

        if (Secret is { Length: 0 })
        {
            errors.Add($"{nameof(Secret)} is empty: set a value, or leave it unset (null) to accept requests without a secret.");
        }

        if (Secret is not null && string.IsNullOrWhiteSpace(SecretHeaderName) && string.IsNullOrWhiteSpace(SecretQueryParameterName))
        {
            errors.Add($"{nameof(Secret)} is set but neither {nameof(SecretHeaderName)} nor {nameof(SecretQueryParameterName)} says where lakeFS sends it.");
        }

        if (Deadline <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(Deadline)} must be positive (was {Deadline}).");
        }

        if (CancellationMargin < TimeSpan.Zero || CancellationMargin >= Deadline)
        {
            errors.Add($"{nameof(CancellationMargin)} must be at least zero and less than {nameof(Deadline)} (was {CancellationMargin}, deadline {Deadline}).");
        }

        if (RefusalStatusCode is < 400 or > 599)
        {
            errors.Add($"{nameof(RefusalStatusCode)} must be 400-599 so that lakeFS sees a failure (was {RefusalStatusCode}).");
        }

        return errors;
    }
}
