using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>
/// Records the client's activities and metric measurements that belong to one test. The test runs its calls
/// inside <see cref="Root"/>, an activity of a source only this capture knows; activities of the client's
/// source are sampled, and measurements kept, only inside that trace, so tests running in parallel neither
/// see nor create each other's telemetry.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    public const string ClientSourceName = "LakeFs.Actions.Client";

    private readonly ActivitySource _testSource = new("LakeFs.Actions.Client.Tests." + Guid.NewGuid().ToString("N"));
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, object?>> _sampledTags = new();

    /// <param name="listenToClientSource">False to listen only to the test's own source (the client's activities are then not created).</param>
    public TelemetryCapture(bool listenToClientSource = true)
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source == _testSource || (listenToClientSource && source.Name == ClientSourceName),
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            {
                if (options.Source == _testSource)
                {
                    return ActivitySamplingResult.AllDataAndRecorded;
                }

                if (Root is not null && options.Parent.TraceId == Root.TraceId)
                {
                    _sampledTags.Enqueue(options.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? []);
                    return ActivitySamplingResult.AllDataAndRecorded;
                }

                return ActivitySamplingResult.None;
            },
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == ClientSourceName && activity.TraceId == Root?.TraceId)
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        Root = _testSource.StartActivity("test", ActivityKind.Internal);

        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ClientSourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    /// <summary>The test's root activity; the client's activities are its children.</summary>
    public Activity? Root { get; }

    /// <summary>The tags each client activity had when the sampler was asked about it, in start order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> SampledTags => [.. _sampledTags];

    /// <summary>The client's activities that stopped so far, in stop order.</summary>
    public IReadOnlyList<Activity> Activities => [.. _activities];

    public IReadOnlyList<Measurement> Measurements(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public void Dispose()
    {
        Root?.Dispose();
        _meterListener.Dispose();
        _activityListener.Dispose();
        _testSource.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Root is not null && Activity.Current?.TraceId == Root.TraceId)
        {
            _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
