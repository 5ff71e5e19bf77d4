namespace LakeFs.Actions.Client;

/// <summary>How the client retries throttled and transient failures: attempts, backoff and <c>Retry-After</c>.</summary>
/// <remarks>
/// GET, PUT and DELETE are retried after throttling (420, 429, 503) and transient failures (500, 502, 504, 408,
/// attempt timeouts, transport errors, truncated bodies). A POST (create, dump, restore) is retried only when the
/// server refused it unread (420, 429) or the connection was never made: after a 5xx, a timeout or a lost
/// connection the server may have acted on it. 400, 401, 403, 404 and 412 are never retried.
/// </remarks>
public sealed class LakeFsRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 4 (5 attempts in all).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Base delay of the exponential backoff (with jitter). Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of any single delay, including one asked for by <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Honour the <c>Retry-After</c> header (seconds or HTTP date), capped by <see cref="MaxDelay"/>. Default true.</summary>
    public bool RespectRetryAfter { get; set; } = true;

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"MaxRetries={MaxRetries}, BaseDelay={BaseDelay}, MaxDelay={MaxDelay}, RespectRetryAfter={RespectRetryAfter}");

    internal IEnumerable<string> Validate()
    {
        if (MaxRetries < 0)
        {
            yield return $"{nameof(LakeFsClientOptions.Retry)}.{nameof(MaxRetries)} must be 0 or more (was {MaxRetries}).";
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            yield return $"{nameof(LakeFsClientOptions.Retry)}.{nameof(BaseDelay)} must not be negative (was {BaseDelay}).";
        }

        if (MaxDelay < TimeSpan.Zero)
        {
            yield return $"{nameof(LakeFsClientOptions.Retry)}.{nameof(MaxDelay)} must not be negative (was {MaxDelay}).";
        }
        else if (MaxDelay < BaseDelay)
        {
            yield return $"{nameof(LakeFsClientOptions.Retry)}.{nameof(MaxDelay)} ({MaxDelay}) must not be less than {nameof(BaseDelay)} ({BaseDelay}).";
        }
    }
}
