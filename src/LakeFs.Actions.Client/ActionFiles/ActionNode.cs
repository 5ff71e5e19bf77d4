using System.Globalization;

namespace LakeFs.Actions.Client;

/// <summary>The shape of a YAML node in an action file.</summary>
public enum ActionNodeKind
{
    /// <summary>A scalar (a string, number, boolean or null).</summary>
    Scalar,

    /// <summary>A mapping of keys to nodes.</summary>
    Mapping,

    /// <summary>A sequence of nodes.</summary>
    Sequence,
}

/// <summary>
/// A YAML node of an action file with its source position. Aliases are resolved: an alias is the node its
/// anchor names (shared, not copied). Scalars carry the tag lakeFS's YAML library (gopkg.in/yaml.v3) resolves
/// them to, which decides how lakeFS sees a property value (a string, a number, a boolean or null).
/// </summary>
public abstract class ActionNode
{
    private protected ActionNode(SourcePosition position) => Position = position;

    /// <summary>Where the node starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The node's shape.</summary>
    public abstract ActionNodeKind Kind { get; }

    /// <summary>
    /// The node's value as the plain .NET object lakeFS would decode it to (yaml.v3 into <c>interface{}</c>):
    /// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, null, a list of
    /// such values or a dictionary keyed by string.
    /// </summary>
    /// <returns>The value.</returns>
    public abstract object? ToPlainValue();
}

/// <summary>A YAML scalar.</summary>
public sealed class ActionScalar : ActionNode
{
    internal ActionScalar(SourcePosition position, string value, string tag, bool isPlain)
        : base(position)
    {
        Value = value;
        Tag = tag;
        IsPlain = isPlain;
    }

    /// <inheritdoc/>
    public override ActionNodeKind Kind => ActionNodeKind.Scalar;

    /// <summary>The scalar's text as written (after YAML unquoting and folding).</summary>
    public string Value { get; }

    /// <summary>
    /// The resolved short tag as yaml.v3 sees it: <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c>,
    /// <c>!!null</c>, <c>!!timestamp</c>, <c>!!binary</c>, or an explicit tag as written.
    /// </summary>
    public string Tag { get; }

    /// <summary>True for a plain (unquoted, not block) scalar.</summary>
    public bool IsPlain { get; }

    /// <summary>True when the scalar is null (<c>~</c>, <c>null</c> or empty).</summary>
    public bool IsNull => Tag == YamlTags.Null;

    /// <summary>True when lakeFS sees a Go <c>string</c> in a property (strings, and timestamps, which yaml.v3 keeps as text).</summary>
    public bool IsString => Tag is YamlTags.String or YamlTags.Timestamp or YamlTags.Binary;

    /// <summary>True for an integer or floating-point number.</summary>
    public bool IsNumber => Tag is YamlTags.Int or YamlTags.Float;

    /// <summary>True for a boolean (<c>true</c>/<c>false</c> in any of YAML 1.2's spellings).</summary>
    public bool IsBoolean => Tag == YamlTags.Bool;

    /// <inheritdoc/>
    public override object? ToPlainValue() => Tag switch
    {
        YamlTags.Null => null,
        YamlTags.Bool => YamlScalarResolver.ParseBool(Value),
        YamlTags.Int => YamlScalarResolver.TryParseInt(Value, out var l) ? l : Value,
        YamlTags.Float => YamlScalarResolver.TryParseFloat(Value, out var d) ? d : Value,
        _ => Value,
    };

    /// <summary>The scalar's text.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}

/// <summary>A YAML mapping; keys keep their order of appearance.</summary>
public sealed class ActionMapping : ActionNode
{
    private readonly List<KeyValuePair<ActionNode, ActionNode>> _entries;

    internal ActionMapping(SourcePosition position, List<KeyValuePair<ActionNode, ActionNode>> entries)
        : base(position) => _entries = entries;

    /// <inheritdoc/>
    public override ActionNodeKind Kind => ActionNodeKind.Mapping;

    /// <summary>The entries in order of appearance (keys are usually scalars).</summary>
    public IReadOnlyList<KeyValuePair<ActionNode, ActionNode>> Entries => _entries;

    /// <summary>Finds the value of the first entry whose key is the scalar <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>True when the key is present (its value may be a null scalar).</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActionNode? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var entry in _entries)
        {
            if (entry.Key is ActionScalar scalar && scalar.Value == key)
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The key node of the first entry named <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key node.</returns>
    public ActionScalar? FindKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var entry in _entries)
        {
            if (entry.Key is ActionScalar scalar && scalar.Value == key)
            {
                return scalar;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override object? ToPlainValue()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            var key = entry.Key is ActionScalar scalar ? scalar.Value : Convert.ToString(entry.Key.ToPlainValue(), CultureInfo.InvariantCulture) ?? string.Empty;
            result[key] = entry.Value.ToPlainValue();
        }

        return result;
    }
}

/// <summary>A YAML sequence.</summary>
public sealed class ActionSequence : ActionNode
{
    private readonly List<ActionNode> _items;

    internal ActionSequence(SourcePosition position, List<ActionNode> items)
        : base(position) => _items = items;

    /// <inheritdoc/>
    public override ActionNodeKind Kind => ActionNodeKind.Sequence;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<ActionNode> Items => _items;

    /// <inheritdoc/>
    public override object? ToPlainValue() => _items.Select(item => item.ToPlainValue()).ToList();
}
