using System.ComponentModel;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// Outcome of an action run (<see cref="ActionRun.Status"/>): <see cref="Completed"/> or <see cref="Failed"/>.
/// An extensible value: a status a newer lakeFS server sends is kept as is instead of failing
/// deserialization, and compares by its wire value.
/// </summary>
[JsonConverter(typeof(StatusJsonConverter<RunStatus>))]
public readonly struct RunStatus : IEquatable<RunStatus>, IWireValue<RunStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value, e.g. <c>"completed"</c>.</summary>
    /// <param name="value">The wire value; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RunStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Every hook of the run completed (or was skipped).</summary>
    public static RunStatus Completed { get; } = new("completed");

    /// <summary>At least one hook of the run failed.</summary>
    public static RunStatus Failed { get; } = new("failed");

    /// <summary>The wire value, e.g. <c>"failed"</c>; empty for <c>default(RunStatus)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <see cref="Completed"/> and <see cref="Failed"/>, false for a value this version does not know.</summary>
    public bool IsKnown => Equals(Completed) || Equals(Failed);

    /// <summary>Compares two statuses by wire value (ordinal, case-insensitive).</summary>
    public static bool operator ==(RunStatus left, RunStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by wire value (ordinal, case-insensitive).</summary>
    public static bool operator !=(RunStatus left, RunStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a status.</summary>
    public static implicit operator RunStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(RunStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RunStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    static RunStatus IWireValue<RunStatus>.FromWire(string value) => new(value);
}
