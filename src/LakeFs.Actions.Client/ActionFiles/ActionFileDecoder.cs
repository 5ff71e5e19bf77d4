using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// Decodes a YAML tree into an <see cref="ActionFile"/> the way gopkg.in/yaml.v3 fills lakeFS's <c>Action</c>
/// struct (non-strict): wrong shapes become yaml.v3's type errors (<c>line N: cannot unmarshal ...</c>),
/// repeated mapping keys its <c>mapping key ... already defined</c> errors, and keys lakeFS does not read
/// become warnings. Every node visited, through aliases too, counts against a budget.
/// </summary>
internal sealed class ActionFileDecoder(string path, int visitBudget)
{
    internal static readonly string[] ActionKeys = ["name", "description", "on", "hooks"];
    internal static readonly string[] TriggerKeys = ["branches"];
    internal static readonly string[] HookKeys = ["id", "type", "description", "if", "properties"];

    private readonly List<(SourcePosition Position, string Text)> _typeErrors = [];
    private readonly List<ActionDiagnostic> _warnings = [];
    private int _visits;

    public IReadOnlyList<(SourcePosition Position, string Text)> TypeErrors => _typeErrors;

    public IReadOnlyList<ActionDiagnostic> Warnings => _warnings;

    public ActionFile Decode(ActionNode? root)
    {
        var action = new ActionFile(path);
        if (root is null)
        {
            return action;
        }

        action.Position = root.Position;
        Visit(root);
        switch (root)
        {
            case ActionScalar { IsNull: true }:
                return action;
            case ActionMapping mapping:
                if (!CheckUniqueKeys(mapping))
                {
                    return action;
                }

                foreach (var (keyNode, key, value) in KeyedEntries(mapping))
                {
                    switch (key)
                    {
                        case "name":
                            action.Name = DecodeString(value, "string");
                            action.NamePosition = value.Position;
                            break;
                        case "description":
                            action.Description = DecodeString(value, "string");
                            break;
                        case "on":
                            action.OnPosition = keyNode.Position;
                            action.On = DecodeOn(value);
                            break;
                        case "hooks":
                            action.Hooks = DecodeHooks(value);
                            break;
                        default:
                            WarnUnknownKey(keyNode, key, ActionKeys, "an action");
                            DecodeAny(value);
                            break;
                    }
                }

                return action;
            default:
                TypeError(root, "actions.Action");
                return action;
        }
    }

    private List<ActionTrigger> DecodeOn(ActionNode node)
    {
        Visit(node);
        var triggers = new List<ActionTrigger>();
        switch (node)
        {
            case ActionScalar { IsNull: true }:
                return triggers;
            case ActionMapping mapping:
                if (!CheckUniqueKeys(mapping))
                {
                    return triggers;
                }

                foreach (var (keyNode, value) in Entries(mapping))
                {
                    Visit(keyNode);
                    var eventName = DecodeString(keyNode, "graveler.EventType");
                    Visit(value);
                    var branches = new List<BranchPattern>();
                    switch (value)
                    {
                        case ActionScalar { IsNull: true }:
                            break;
                        case ActionMapping parameters:
                            if (!CheckUniqueKeys(parameters))
                            {
                                break;
                            }

                            foreach (var (parameterKey, name, parameterValue) in KeyedEntries(parameters))
                            {
                                if (name == "branches")
                                {
                                    branches = DecodeBranches(parameterValue);
                                }
                                else
                                {
                                    WarnUnknownKey(parameterKey, name, TriggerKeys, "an event");
                                    DecodeAny(parameterValue);
                                }
                            }

                            break;
                        default:
                            TypeError(value, "actions.ActionOn");
                            break;
                    }

                    var isNull = value is ActionScalar { IsNull: true };
                    triggers.Add(new ActionTrigger(new ActionEventType(eventName), keyNode.Position, !isNull, branches));
                }

                return triggers;
            default:
                TypeError(node, "map[graveler.EventType]*actions.ActionOn");
                return triggers;
        }
    }

    private List<BranchPattern> DecodeBranches(ActionNode node)
    {
        Visit(node);
        var patterns = new List<BranchPattern>();
        switch (node)
        {
            case ActionScalar { IsNull: true }:
                break;
            case ActionSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Visit(item);
                    patterns.Add(new BranchPattern(DecodeString(item, "string"), item.Position));
                }

                break;
            default:
                TypeError(node, "[]string");
                break;
        }

        return patterns;
    }

    private List<ActionHook> DecodeHooks(ActionNode node)
    {
        Visit(node);
        var hooks = new List<ActionHook>();
        switch (node)
        {
            case ActionScalar { IsNull: true }:
                break;
            case ActionSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Visit(item);
                    var hook = new ActionHook(hooks.Count, item.Position)
                    {
                        IdPosition = item.Position,
                        TypePosition = item.Position,
                        IfPosition = item.Position,
                        PropertiesPosition = item.Position,
                    };
                    switch (item)
                    {
                        case ActionScalar { IsNull: true }:
                            hooks.Add(hook);
                            break;
                        case ActionMapping mapping:
                            DecodeHook(mapping, hook);
                            hooks.Add(hook);
                            break;
                        default:
                            TypeError(item, "actions.ActionHook");
                            break;
                    }
                }

                break;
            default:
                TypeError(node, "[]actions.ActionHook");
                break;
        }

        return hooks;
    }

    private void DecodeHook(ActionMapping mapping, ActionHook hook)
    {
        if (!CheckUniqueKeys(mapping))
        {
            return;
        }

        foreach (var (keyNode, key, value) in KeyedEntries(mapping))
        {
            switch (key)
            {
                case "id":
                    hook.Id = DecodeString(value, "string");
                    hook.IdPosition = value.Position;
                    break;
                case "type":
                    hook.Type = DecodeString(value, "actions.HookType");
                    hook.TypePosition = value.Position;
                    break;
                case "description":
                    hook.Description = DecodeString(value, "string");
                    break;
                case "if":
                    hook.If = DecodeString(value, "string");
                    hook.IfPosition = value.Position;
                    break;
                case "properties":
                    hook.PropertiesPosition = keyNode.Position;
                    hook.Properties = DecodeProperties(value);
                    break;
                default:
                    if (HookPropertyRules.IsAnyPropertyKey(key))
                    {
                        _warnings.Add(new ActionDiagnostic(path, keyNode.Position, ActionDiagnosticSeverity.Warning, ActionRules.UnknownKey,
                            $"key '{key}' is ignored by lakeFS: hook properties go under 'properties'"));
                    }
                    else
                    {
                        WarnUnknownKey(keyNode, key, HookKeys, "a hook");
                    }

                    DecodeAny(value);
                    break;
            }
        }
    }

    private ActionMapping? DecodeProperties(ActionNode node)
    {
        Visit(node);
        switch (node)
        {
            case ActionScalar { IsNull: true }:
                return null;
            case ActionMapping mapping:
                if (!CheckUniqueKeys(mapping))
                {
                    return null;
                }

                foreach (var (key, value) in mapping.Entries)
                {
                    Visit(key);
                    DecodeString(key, "string");
                    DecodeAny(value);
                }

                return mapping;
            default:
                TypeError(node, "actions.Properties");
                return null;
        }
    }

    /// <summary>Decodes into <c>interface{}</c>: only repeated keys can fail; every node counts against the budget.</summary>
    private void DecodeAny(ActionNode node)
    {
        Visit(node);
        switch (node)
        {
            case ActionMapping mapping:
                if (!CheckUniqueKeys(mapping))
                {
                    return;
                }

                foreach (var (key, value) in mapping.Entries)
                {
                    DecodeAny(key);
                    DecodeAny(value);
                }

                break;
            case ActionSequence sequence:
                foreach (var item in sequence.Items)
                {
                    DecodeAny(item);
                }

                break;
        }
    }

    /// <summary>
    /// <see cref="Entries"/> of a struct-like mapping with each key decoded as a string; an entry whose key is not
    /// a scalar is reported (by <see cref="DecodeKey"/>) and skipped. Lazy, so keys and values are decoded in order.
    /// </summary>
    private IEnumerable<(ActionNode KeyNode, string Key, ActionNode Value)> KeyedEntries(ActionMapping mapping)
    {
        foreach (var (keyNode, value) in Entries(mapping))
        {
            if (DecodeKey(keyNode) is { } key)
            {
                yield return (keyNode, key, value);
            }
        }
    }

    private string? DecodeKey(ActionNode keyNode)
    {
        Visit(keyNode);
        if (keyNode is ActionScalar scalar)
        {
            return scalar.IsNull ? string.Empty : scalar.Value;
        }

        TypeError(keyNode, "string");
        return null;
    }

    private string DecodeString(ActionNode node, string goType)
    {
        switch (node)
        {
            case ActionScalar { IsNull: true }:
                return string.Empty;
            case ActionScalar scalar:
                return scalar.Value;
            default:
                TypeError(node, goType);
                return string.Empty;
        }
    }

    /// <summary>Mapping entries with YAML merge keys (<c>&lt;&lt;</c>) expanded first, so explicit keys win.</summary>
    private IEnumerable<(ActionNode Key, ActionNode Value)> Entries(ActionMapping mapping)
    {
        var hasMerge = false;
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is ActionScalar { Tag: YamlTags.Merge })
            {
                hasMerge = true;
                break;
            }
        }

        if (!hasMerge)
        {
            foreach (var entry in mapping.Entries)
            {
                yield return (entry.Key, entry.Value);
            }

            yield break;
        }

        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is ActionScalar { Tag: not YamlTags.Merge } scalar)
            {
                explicitKeys.Add(scalar.Value);
            }
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not ActionScalar { Tag: YamlTags.Merge })
            {
                continue;
            }

            Visit(entry.Value);
            IEnumerable<ActionNode> sources = entry.Value is ActionSequence list ? list.Items : [entry.Value];
            foreach (var source in sources)
            {
                if (source is not ActionMapping merged)
                {
                    _typeErrors.Add((source.Position, $"line {source.Position.Line}: map merge requires map or sequence of maps as the value"));
                    continue;
                }

                foreach (var mergedEntry in merged.Entries)
                {
                    if (mergedEntry.Key is ActionScalar mergedKey && explicitKeys.Add(mergedKey.Value))
                    {
                        yield return (mergedEntry.Key, mergedEntry.Value);
                    }
                }
            }
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not ActionScalar { Tag: YamlTags.Merge })
            {
                yield return (entry.Key, entry.Value);
            }
        }
    }

    /// <summary>yaml.v3 refuses a mapping whose scalar keys repeat, reporting each later occurrence against each earlier one.</summary>
    private bool CheckUniqueKeys(ActionMapping mapping)
    {
        var entries = mapping.Entries;
        if (entries.Count < 2)
        {
            return true;
        }

        Dictionary<string, List<ActionScalar>>? seen = null;
        var duplicates = false;
        var firstByValue = new Dictionary<string, List<ActionScalar>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // yaml.v3 compares every key's text, merge keys (<<) included: two merges in one mapping are refused.
            if (entry.Key is not ActionScalar key)
            {
                continue;
            }

            if (!firstByValue.TryGetValue(key.Value, out var list))
            {
                firstByValue[key.Value] = [key];
            }
            else
            {
                list.Add(key);
                duplicates = true;
                seen = firstByValue;
            }
        }

        if (!duplicates || seen is null)
        {
            return true;
        }

        var pairs = new List<(ActionScalar Earlier, ActionScalar Later)>();
        foreach (var occurrences in seen.Values)
        {
            for (var i = 0; i < occurrences.Count; i++)
            {
                for (var j = i + 1; j < occurrences.Count; j++)
                {
                    pairs.Add((occurrences[i], occurrences[j]));
                }
            }
        }

        int IndexOf(ActionNode key)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (ReferenceEquals(entries[i].Key, key))
                {
                    return i;
                }
            }

            return -1;
        }

        foreach (var (earlier, later) in pairs.OrderBy(p => IndexOf(p.Earlier)).ThenBy(p => IndexOf(p.Later)))
        {
            _typeErrors.Add((later.Position, $"line {later.Position.Line}: mapping key {GoQuote(later.Value)} already defined at line {earlier.Position.Line}"));
        }

        return false;
    }

    private void TypeError(ActionNode node, string goType)
    {
        string tag;
        var value = string.Empty;
        switch (node)
        {
            case ActionScalar scalar:
                tag = scalar.Tag;
                value = " `" + ShortValue(scalar.Value) + "`";
                break;
            case ActionMapping:
                tag = YamlTags.Map;
                break;
            default:
                tag = YamlTags.Seq;
                break;
        }

        _typeErrors.Add((node.Position, $"line {node.Position.Line}: cannot unmarshal {tag}{value} into {goType}"));
    }

    /// <summary>yaml.v3 shows a value longer than 10 bytes (UTF-8) as its first 7 bytes and <c>...</c>.</summary>
    internal static string ShortValue(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return bytes.Length > 10 ? Encoding.UTF8.GetString(bytes, 0, 7) + "..." : value;
    }

    private void WarnUnknownKey(ActionNode keyNode, string key, string[] known, string where)
    {
        var suggestion = Closest(key, known);
        var message = suggestion is null
            ? $"unknown key '{key}' in {where} is ignored by lakeFS"
            : $"unknown key '{key}' in {where} is ignored by lakeFS; did you mean '{suggestion}'?";
        _warnings.Add(new ActionDiagnostic(path, keyNode.Position, ActionDiagnosticSeverity.Warning, ActionRules.UnknownKey, message));
    }

    internal static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = EditDistance(key.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(1, Math.Min(3, key.Length / 3)) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        // Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Go's <c>%#v</c> of a string (<c>strconv.Quote</c>) for the printable-ASCII common case.</summary>
    internal static string GoQuote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    if (c < ' ' || c == 0x7F)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private void Visit(ActionNode node)
    {
        if (++_visits > visitBudget)
        {
            throw new AliasBudgetExceededException(node.Position);
        }
    }
}
