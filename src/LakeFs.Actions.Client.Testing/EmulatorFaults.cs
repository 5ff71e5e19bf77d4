namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Faults the emulator injects, on demand: scheduled for a given request number, queued for the next matching
/// requests, or drawn at random from a seed. Thread-safe. For each request the emulator takes, in this order,
/// a fault scheduled for its number, else the first queued fault that applies to its operation, else a random
/// one. Faults apply before authentication, as a proxy in front of lakeFS would.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<EmulatorFault> _queue = [];
    private readonly Dictionary<long, EmulatorFault> _scheduled = [];
    private readonly Dictionary<EmulatorFaultKind, long> _injectedByKind = [];
    private RandomFaultSettings? _random;
    private Random? _generator;
    private long _injected;

    internal EmulatorFaults()
    {
    }

    /// <summary>
    /// Raised when a fault is applied, on the request's thread. For a latency fault it is raised once the delay
    /// timer is running, so a test can advance a fake clock from the handler.
    /// </summary>
    public event EventHandler<FaultInjectedEventArgs>? Injected;

    /// <summary>How many faults have been applied so far.</summary>
    public long InjectedCount => Interlocked.Read(ref _injected);

    /// <summary>How many queued and scheduled faults are still waiting for a request.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count + _scheduled.Count;
            }
        }
    }

    /// <summary>How many faults of <paramref name="kind"/> have been applied so far.</summary>
    /// <param name="kind">The kind of fault.</param>
    /// <returns>The count.</returns>
    public long InjectedCountOf(EmulatorFaultKind kind)
    {
        lock (_gate)
        {
            return _injectedByKind.GetValueOrDefault(kind);
        }
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests it applies to.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests get it; defaults to 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public void Enqueue(EmulatorFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _queue.Add(fault);
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="fault"/> to the request with arrival number <paramref name="requestNumber"/>
    /// (1-based, counting every request the emulator receives; see <see cref="LakeFsActionsEmulator.TotalRequests"/>).
    /// If that request is for another operation than the fault's, the fault is dropped unused.
    /// </summary>
    /// <param name="requestNumber">Arrival number of the request, e.g. <c>emulator.TotalRequests + 3</c> for the third next one.</param>
    /// <param name="fault">The fault.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestNumber"/> is less than 1.</exception>
    public void ScheduleAt(long requestNumber, EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestNumber, 1);
        lock (_gate)
        {
            _scheduled[requestNumber] = fault;
        }
    }

    /// <summary>Draws faults at random for every request from now on (replacing earlier random settings).</summary>
    /// <param name="settings">Seed and rates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside 0..1 or the rates add up to more than 1.</exception>
    public void SetRandom(RandomFaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        lock (_gate)
        {
            _random = settings;
            _generator = new Random(settings.Seed);
        }
    }

    /// <summary>
    /// Draws faults at random: throttling (420, 429 or 503, half of them with <c>Retry-After: 1</c>) at
    /// <paramref name="throttleRate"/>, dropped connections (half before the headers, half mid-body) at
    /// <paramref name="dropRate"/> and malformed JSON at <paramref name="malformedRate"/>.
    /// </summary>
    /// <param name="seed">Seed of the random generator.</param>
    /// <param name="throttleRate">Probability of a throttling answer per request.</param>
    /// <param name="dropRate">Probability of a dropped connection per request.</param>
    /// <param name="malformedRate">Probability of a malformed JSON body per request.</param>
    public void SetRandom(int seed, double throttleRate, double dropRate = 0, double malformedRate = 0) =>
        SetRandom(new RandomFaultSettings
        {
            Seed = seed,
            ThrottleRate = throttleRate,
            DropConnectionRate = dropRate / 2,
            DropMidResponseRate = dropRate / 2,
            MalformedJsonRate = malformedRate,
        });

    /// <summary>Stops drawing random faults.</summary>
    public void ClearRandom()
    {
        lock (_gate)
        {
            _random = null;
            _generator = null;
        }
    }

    /// <summary>Removes queued, scheduled and random faults (the counters are kept).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _scheduled.Clear();
            _random = null;
            _generator = null;
        }
    }

    /// <summary>Takes the fault for a request, if any, and counts it as injected.</summary>
    internal EmulatorFault? Take(long requestNumber, string? operation)
    {
        lock (_gate)
        {
            var fault = TakeScheduled(requestNumber, operation) ?? TakeQueued(operation) ?? DrawRandom(operation);
            if (fault is not null)
            {
                _injected++;
                _injectedByKind[fault.Kind] = _injectedByKind.GetValueOrDefault(fault.Kind) + 1;
            }

            return fault;
        }
    }

    internal void OnInjected(EmulatorFault fault, ReceivedRequest request) =>
        Injected?.Invoke(this, new FaultInjectedEventArgs(fault, request));

    private EmulatorFault? TakeScheduled(long requestNumber, string? operation) =>
        _scheduled.Remove(requestNumber, out var fault) && fault.AppliesTo(operation) ? fault : null;

    private EmulatorFault? TakeQueued(string? operation)
    {
        var index = _queue.FindIndex(f => f.AppliesTo(operation));
        if (index < 0)
        {
            return null;
        }

        var fault = _queue[index];
        _queue.RemoveAt(index);
        return fault;
    }

    private EmulatorFault? DrawRandom(string? operation)
    {
        if (_random is not { } settings || _generator is null
            || (settings.Operation is not null && !string.Equals(settings.Operation, operation, StringComparison.Ordinal)))
        {
            return null;
        }

        // Three draws per request whatever the outcome, so the sequence depends only on the seed and request order.
        var roll = _generator.NextDouble();
        var code = _generator.Next(3);
        var withRetryAfter = _generator.NextDouble() < settings.RetryAfterProbability;

        if ((roll -= settings.ThrottleRate) < 0)
        {
            int[] codes = [420, 429, 503];
            return EmulatorFault.Throttle(codes[code], withRetryAfter ? settings.RetryAfter : null);
        }

        if ((roll -= settings.DropConnectionRate) < 0)
        {
            return EmulatorFault.DropConnection();
        }

        if ((roll -= settings.DropMidResponseRate) < 0)
        {
            return EmulatorFault.DropMidResponse();
        }

        if ((roll -= settings.MalformedJsonRate) < 0)
        {
            return EmulatorFault.MalformedJson();
        }

        if ((roll -= settings.ServerErrorRate) < 0)
        {
            return EmulatorFault.ServerError();
        }

        return (roll -= settings.LatencyRate) < 0 ? EmulatorFault.Latency(settings.Latency) : null;
    }
}
