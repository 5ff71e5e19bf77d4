using System.ComponentModel;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// Outcome of a hook run (<see cref="HookRun.Status"/>): <see cref="Completed"/>, <see cref="Failed"/> or <see cref="Skipped"/>.
/// An extensible value: a status a newer lakeFS server sends is kept as is instead of failing
/// deserialization, and compares by its wire value.
/// </summary>
[JsonConverter(typeof(StatusJsonConverter<HookStatus>))]
public readonly struct HookStatus : IEquatable<HookStatus>, IWireValue<HookStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value, e.g. <c>"completed"</c>.</summary>
    /// <param name="value">The wire value; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public HookStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The hook ran and succeeded.</summary>
    public static HookStatus Completed { get; } = new("completed");

    /// <summary>The hook ran and failed.</summary>
    public static HookStatus Failed { get; } = new("failed");

    /// <summary>
    /// The hook did not run (an earlier hook of the action failed). lakeFS sends this value although its
    /// OpenAPI document omits it; a skipped hook has no start or end time.
    /// </summary>
    public static HookStatus Skipped { get; } = new("skipped");

    /// <summary>The wire value, e.g. <c>"failed"</c>; empty for <c>default(HookStatus)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <see cref="Completed"/>, <see cref="Failed"/> and <see cref="Skipped"/>, false for a value this version does not know.</summary>
    public bool IsKnown => Equals(Completed) || Equals(Failed) || Equals(Skipped);

    /// <summary>Compares two statuses by wire value (ordinal, case-insensitive).</summary>
    public static bool operator ==(HookStatus left, HookStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by wire value (ordinal, case-insensitive).</summary>
    public static bool operator !=(HookStatus left, HookStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a status.</summary>
    public static implicit operator HookStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(HookStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is HookStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    static HookStatus IWireValue<HookStatus>.FromWire(string value) => new(value);
}
