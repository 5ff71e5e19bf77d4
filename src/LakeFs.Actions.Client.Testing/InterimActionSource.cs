using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// TEMPORARY stand-in for the action-file library (issue 22) while it is being written: a minimal reading of action
/// files (name, on, hooks) so that the engine can be built and tested. It is replaced by the library's parser,
/// validator and matcher; it is not a second parser to keep.
/// </summary>
internal sealed class InterimActionSource : IActionSource
{
    private static readonly HashSet<string> Events = new(StringComparer.Ordinal)
    {
        "prepare-commit", "pre-commit", "post-commit", "pre-merge", "post-merge", "pre-create-branch", "post-create-branch",
        "pre-delete-branch", "post-delete-branch", "pre-create-tag", "post-create-tag", "pre-delete-tag", "post-delete-tag",
        "pre-revert", "post-revert", "pre-cherry-pick", "post-cherry-pick",
    };

    public ActionSet Load(IReadOnlyList<ActionFileContent> files)
    {
        var actions = new List<RuntimeAction>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            try
            {
                actions.Add(Parse(file));
            }
            catch (Exception e) when (e is YamlException or InvalidDataException)
            {
                errors.Add($"parsing file {file.Path}: {e.Message}");
            }
        }

        if (errors.Count > 0)
        {
            return new ActionSet([], MultiError(errors));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!names.Add(action.Name))
            {
                return new ActionSet([], $"action name '{action.Name}' already loaded: invalid action");
            }
        }

        return new ActionSet(actions, null);
    }

    public bool Matches(RuntimeAction action, string eventType, string branchId, out string? error)
    {
        error = null;
        var on = (IReadOnlyDictionary<string, IReadOnlyList<string>>)action.Model;
        if (!on.TryGetValue(eventType, out var patterns))
        {
            return false;
        }

        if (patterns.Count == 0)
        {
            return true;
        }

        foreach (var pattern in patterns)
        {
            var regex = "^" + Regex.Escape(pattern).Replace("\\*", "[^/]*", StringComparison.Ordinal).Replace("\\?", "[^/]", StringComparison.Ordinal) + "\\z";
            if (Regex.IsMatch(branchId, regex, RegexOptions.CultureInvariant))
            {
                return true;
            }
        }

        return false;
    }

    public bool EvaluateCondition(string? condition, bool succeeded, out string? error)
    {
        error = null;
        switch (condition?.Trim())
        {
            case null or "" or "success()":
                return succeeded;
            case "failure()":
                return !succeeded;
            case "true":
                return true;
            case "false":
                return false;
            default:
                error = $"unknown expression {condition}";
                return false;
        }
    }

    internal static string MultiError(IReadOnlyList<string> errors)
    {
        var text = new StringBuilder();
        text.Append(errors.Count == 1 ? "1 error occurred:\n" : $"{errors.Count} errors occurred:\n");
        foreach (var error in errors)
        {
            text.Append("\t* ").Append(error).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    private static RuntimeAction Parse(ActionFileContent file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Encoding.UTF8.GetString(file.Content)));
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        var name = root is null ? null : Scalar(root, "name");
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidDataException("'name' is required: invalid action");
        }

        var on = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root!.Children.TryGetValue(new YamlScalarNode("on"), out var onNode) && onNode is YamlMappingNode events)
        {
            foreach (var (key, value) in events.Children)
            {
                var eventType = ((YamlScalarNode)key).Value!;
                if (!Events.Contains(eventType))
                {
                    throw new InvalidDataException($"event '{eventType}' is not supported: invalid action");
                }

                var branches = value is YamlMappingNode spec && spec.Children.TryGetValue(new YamlScalarNode("branches"), out var list) && list is YamlSequenceNode sequence
                    ? sequence.Children.Select(static b => ((YamlScalarNode)b).Value!).ToList()
                    : [];
                on[eventType] = branches;
            }
        }

        if (on.Count == 0)
        {
            throw new InvalidDataException("'on' is required: invalid action");
        }

        var hooks = new List<RuntimeHook>();
        if (root.Children.TryGetValue(new YamlScalarNode("hooks"), out var hooksNode) && hooksNode is YamlSequenceNode hookList)
        {
            var index = 0;
            foreach (var hookNode in hookList.Children.OfType<YamlMappingNode>())
            {
                var id = Scalar(hookNode, "id");
                var type = Scalar(hookNode, "type");
                if (string.IsNullOrEmpty(id))
                {
                    throw new InvalidDataException($"hook[{index}] missing ID: invalid action");
                }

                if (type is not ("webhook" or "airflow" or "lua"))
                {
                    throw new InvalidDataException($"hook[{index}] type '{id}' unknown: invalid action");
                }

                if (!hookNode.Children.TryGetValue(new YamlScalarNode("properties"), out var properties) || properties is not YamlMappingNode propertyMap)
                {
                    throw new InvalidDataException($"hook[{index}] type '{type}': missing hook properties: invalid action");
                }

                hooks.Add(new RuntimeHook(id, type, Scalar(hookNode, "if"), (IReadOnlyDictionary<string, object?>)Convert(propertyMap)!));
                index++;
            }
        }

        return new RuntimeAction(file.Path, name, hooks, on);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(static p => ((YamlScalarNode)p.Key).Value!, static p => Convert(p.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is null or "" or "~" or "null" => null,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is "true" or "false" => scalar.Value == "true",
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => null,
    };
}
