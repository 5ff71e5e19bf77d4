namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Rates of faults drawn at random (from a seeded generator) for each request, see
/// <see cref="EmulatorFaults.SetRandom(RandomFaultSettings)"/>. The rates are probabilities per request and
/// must add up to at most 1. With one client sending requests one after another, the same seed gives the same
/// faults in the same order.
/// </summary>
public sealed record RandomFaultSettings
{
    /// <summary>Seed of the random generator.</summary>
    public int Seed { get; init; }

    /// <summary>Rate of throttling answers; the status is 420, 429 or 503 with equal chance.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Chance that a throttling answer carries <c>Retry-After</c>; defaults to 0.5.</summary>
    public double RetryAfterProbability { get; init; } = 0.5;

    /// <summary>The <c>Retry-After</c> value sent; defaults to 1 second.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rate of connections dropped before any header.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>Rate of connections dropped in the middle of the body.</summary>
    public double DropMidResponseRate { get; init; }

    /// <summary>Rate of complete 200 responses with a body that is not valid JSON.</summary>
    public double MalformedJsonRate { get; init; }

    /// <summary>Rate of 500 answers.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Rate of delayed (but otherwise normal) answers.</summary>
    public double LatencyRate { get; init; }

    /// <summary>Delay of a delayed answer; defaults to 100 ms.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Operation id the random faults are limited to; null (the default) means every operation.</summary>
    public string? Operation { get; init; }

    internal void Validate()
    {
        double[] rates = [ThrottleRate, DropConnectionRate, DropMidResponseRate, MalformedJsonRate, ServerErrorRate, LatencyRate, RetryAfterProbability];
        if (rates.Any(static r => r is < 0 or > 1 || double.IsNaN(r)))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFaultSettings), "Every rate and probability must be between 0 and 1.");
        }

        if (ThrottleRate + DropConnectionRate + DropMidResponseRate + MalformedJsonRate + ServerErrorRate + LatencyRate > 1 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFaultSettings), "The fault rates must add up to at most 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RetryAfter, TimeSpan.Zero, nameof(RetryAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        if (Operation is not null && !EmulatorOperations.All.Contains(Operation))
        {
            throw new ArgumentException($"Unknown operation id '{Operation}'.", nameof(RandomFaultSettings));
        }
    }
}
