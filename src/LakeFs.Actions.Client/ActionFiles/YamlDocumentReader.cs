using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LakeFs.Actions.Client;

/// <summary>What stopped <see cref="YamlDocumentReader"/> from producing a tree.</summary>
internal enum YamlReadFailure
{
    None,
    Syntax,
    Depth,
}

/// <summary>The first YAML document of a file as a tree of <see cref="ActionNode"/>s, or why there is none.</summary>
internal sealed record YamlReadResult(ActionNode? Root, YamlReadFailure Failure, string? Error, SourcePosition ErrorPosition, int NodeCount);

/// <summary>
/// Reads the first YAML document of a text into <see cref="ActionNode"/>s without recursion: nesting deeper
/// than a limit stops the read, aliases point at their anchor's node (nothing is copied, so an alias bomb
/// costs only its text), and later documents are never parsed, as gopkg.in/yaml.v3 reads one document.
/// </summary>
internal static partial class YamlDocumentReader
{
    /// <summary>A scanner error in libyaml, whatever YamlDotNet calls it.</summary>
    private const string MappingValuesNotAllowed = "mapping values are not allowed in this context";

    public static YamlReadResult Read(string text, int maxDepth)
    {
        if ((LeadingTab(text) ?? TabAfterBlockEntry(text)) is { } refusedTab)
        {
            return Fail(YamlReadFailure.Syntax, refusedTab.Message, refusedTab.Position, 0);
        }

        var anchors = new Dictionary<string, ActionNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        var nodeCount = 0;
        ActionNode? root = null;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case StreamStart:
                    case DocumentStart:
                        break;
                    case DocumentEnd:
                    case StreamEnd:
                        return new YamlReadResult(root, YamlReadFailure.None, null, default, nodeCount);
                    case Scalar scalar:
                    {
                        nodeCount++;
                        var position = ToPosition(scalar.Start);
                        var isPlain = scalar.Style == ScalarStyle.Plain;
                        var explicitTag = scalar.Tag.IsEmpty ? null : scalar.Tag.IsNonSpecific ? "!" : scalar.Tag.Value;
                        var node = new ActionScalar(position, scalar.Value, YamlScalarResolver.Resolve(scalar.Value, explicitTag, isPlain), isPlain);
                        Register(scalar.Anchor, node, anchors);
                        if (Add(stack, node, ref root))
                        {
                            return new YamlReadResult(root, YamlReadFailure.None, null, default, nodeCount);
                        }

                        break;
                    }

                    case AnchorAlias alias:
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            return Fail(YamlReadFailure.Syntax, $"yaml: unknown anchor '{alias.Value.Value}' referenced", ToPosition(alias.Start), nodeCount);
                        }

                        if (Add(stack, target, ref root))
                        {
                            return new YamlReadResult(root, YamlReadFailure.None, null, default, nodeCount);
                        }

                        break;
                    }

                    case NodeEvent collection when collection is MappingStart or SequenceStart:
                        nodeCount++;
                        if (stack.Count >= maxDepth)
                        {
                            return Fail(YamlReadFailure.Depth, $"exceeded max depth of {maxDepth}", ToPosition(collection.Start), nodeCount);
                        }

                        stack.Push(new Frame(ToPosition(collection.Start), collection.Anchor, isMapping: collection is MappingStart));
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                    {
                        var frame = stack.Pop();
                        ActionNode node = frame.IsMapping
                            ? new ActionMapping(frame.Position, frame.Entries!)
                            : new ActionSequence(frame.Position, frame.Items!);
                        Register(frame.Anchor, node, anchors);
                        if (Add(stack, node, ref root))
                        {
                            return new YamlReadResult(root, YamlReadFailure.None, null, default, nodeCount);
                        }

                        break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner gives up without a position on a few malformed inputs (an unclosed flow sequence).
            var line = parser.Current is { } last ? (int)Math.Max(1, last.End.Line) : 1;
            return Fail(YamlReadFailure.Syntax, ParserErrorText(stack, line, "did not find expected ',' or ']'"), new SourcePosition(line, 1), nodeCount);
        }
        catch (SemanticErrorException exception) when (Problem(exception.Message) is var problem && problem != MappingValuesNotAllowed)
        {
            return Fail(YamlReadFailure.Syntax, ParserErrorText(stack, (int)exception.Start.Line, problem), ToPosition(exception.Start), nodeCount);
        }
        catch (YamlException exception) when (IsTabProblem(Problem(exception.Message)) && LineStartTab(text) is { } tab)
        {
            return Fail(YamlReadFailure.Syntax, tab.Message, tab.Position, nodeCount);
        }
        catch (YamlException exception)
        {
            return Fail(YamlReadFailure.Syntax, "yaml: line " + exception.Start.Line + ": " + Problem(exception.Message), ToPosition(exception.Start), nodeCount);
        }

        return new YamlReadResult(root, YamlReadFailure.None, null, default, nodeCount);
    }

    /// <summary>
    /// yaml.v3's text for a parser (not scanner) error: it prints libyaml's 0-based context line (the start of the
    /// collection being parsed) without adding one, or else the 0-based problem line; nothing when that is 0.
    /// The diagnostic's own position stays the real one.
    /// </summary>
    private static string ParserErrorText(Stack<Frame> stack, int problemLine, string problem)
    {
        var contextLine = stack.Count > 0 ? stack.Peek().Position.Line - 1 : 0;
        var line = contextLine != 0 ? contextLine : Math.Max(0, problemLine - 1);
        return line == 0 ? "yaml: " + problem : $"yaml: line {line}: {problem}";
    }

    private static bool IsTabProblem(string problem) =>
        problem == "found character that cannot start any token" || problem.Contains("tab", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// libyaml's words for a tab in a line's indentation (block context; YamlDotNet reports these on the wrong line).
    /// After a line ending in a plain scalar, the scalar's scanner finds it (<c>found a tab character that violates
    /// indentation</c>, on the scalar's line); elsewhere the token scanner does (<c>found character that cannot start
    /// any token</c>, on the tab's line). yaml.v3 prints no line when libyaml's 0-based line is 0. Null when no line
    /// outside a block scalar starts with a tab.
    /// </summary>
    private static (string Message, SourcePosition Position)? LineStartTab(string text)
    {
        var lines = text.Split('\n');
        var blockParent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var spaces = 0;
            while (spaces < line.Length && line[spaces] == ' ')
            {
                spaces++;
            }

            var blank = line.Trim(' ', '\t').Length == 0;
            if (blockParent >= 0)
            {
                if (blank || spaces > blockParent)
                {
                    continue;
                }

                blockParent = -1;
            }

            if (spaces < line.Length && line[spaces] == '\t')
            {
                var previous = i - 1;
                while (previous >= 0 && lines[previous].Trim(' ', '\t', '\r').Length == 0)
                {
                    previous--;
                }

                if (previous >= 0 && EndsWithPlainScalar(lines[previous].TrimEnd('\r'), out var indentation) && spaces <= indentation)
                {
                    var reported = previous != 0 ? previous + 1 : i + 1;
                    return ($"yaml: line {reported}: found a tab character that violates indentation", new SourcePosition(i + 1, spaces + 1));
                }

                return CannotStartToken(i, spaces + 1);
            }

            if (OpensBlockScalar(line))
            {
                blockParent = spaces;
            }
        }

        return null;
    }

    /// <summary>A tab in the indentation of a line before the document's first token (which YamlDotNet accepts, libyaml does not).</summary>
    private static (string Message, SourcePosition Position)? LeadingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var spaces = 0;
            while (spaces < line.Length && line[spaces] == ' ')
            {
                spaces++;
            }

            if (spaces < line.Length && line[spaces] == '\t')
            {
                return CannotStartToken(i, spaces + 1);
            }

            if (spaces < line.Length && line[spaces] != '#')
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A tab after a block sequence's <c>-</c> (<c>- \tmain</c>): libyaml allows a simple key there, so its scanner
    /// does not skip the tab and refuses it (YamlDotNet accepts it). After a simple key's <c>:</c> a tab is fine.
    /// Lines of block scalars are content and not looked at.
    /// </summary>
    private static (string Message, SourcePosition Position)? TabAfterBlockEntry(string text)
    {
        if (!text.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var lines = text.Split('\n');
        var blockParent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var spaces = 0;
            while (spaces < line.Length && line[spaces] == ' ')
            {
                spaces++;
            }

            if (blockParent >= 0)
            {
                if (line.Trim(' ', '\t').Length == 0 || spaces > blockParent)
                {
                    continue;
                }

                blockParent = -1;
            }

            var entry = BlockEntryTab().Match(line);
            if (entry.Success)
            {
                return CannotStartToken(i, entry.Length);
            }

            if (OpensBlockScalar(line))
            {
                blockParent = spaces;
            }
        }

        return null;
    }

    /// <summary>libyaml's token-scanner refusal of a tab at a 0-based line and 1-based column (no line printed for line 0).</summary>
    private static (string Message, SourcePosition Position) CannotStartToken(int line, int column)
    {
        var where = line != 0 ? $"line {line + 1}: " : string.Empty;
        return ($"yaml: {where}found character that cannot start any token", new SourcePosition(line + 1, column));
    }

    /// <summary>Whether a line (its trailing comment aside) ends in a block scalar indicator (<c>|</c>, <c>&gt;</c>), so the lines below it are content.</summary>
    private static bool OpensBlockScalar(string line)
    {
        var content = line.Trim(' ', '\t');
        var comment = content.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            content = content[..comment].TrimEnd(' ', '\t');
        }

        return System.Text.RegularExpressions.Regex.IsMatch(content, @"(^|[:\-]\s)[|>][-+0-9]*$");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^ *(?:- +)*- *\t", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BlockEntryTab();

    /// <summary>Whether a line ends in a plain scalar (not <c>:</c>, <c>-</c>, a flow bracket, a quote or a comment).</summary>
    private static bool EndsWithPlainScalar(string line, out int indentation)
    {
        indentation = 0;
        while (indentation < line.Length && line[indentation] == ' ')
        {
            indentation++;
        }

        var content = line.Trim(' ', '\t');
        if (content.StartsWith('#') || content is "---" or "...")
        {
            return false;
        }

        var comment = content.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            content = content[..comment].TrimEnd(' ', '\t');
        }

        return content.Length > 0 && !content.EndsWith(':') && content != "-" && !content.EndsWith(" -", StringComparison.Ordinal)
            && content[^1] is not ('[' or '{' or ',' or ']' or '}' or '"' or '\'' or '|' or '>');
    }

    private static YamlReadResult Fail(YamlReadFailure failure, string message, SourcePosition position, int nodeCount) =>
        new(null, failure, message, position, nodeCount);

    /// <summary>Adds a finished node to the open collection; true when it completed the document's root.</summary>
    private static bool Add(Stack<Frame> stack, ActionNode node, ref ActionNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return false;
        }

        var frame = stack.Peek();
        if (!frame.IsMapping)
        {
            frame.Items!.Add(node);
        }
        else if (frame.PendingKey is null)
        {
            frame.PendingKey = node;
        }
        else
        {
            frame.Entries!.Add(new KeyValuePair<ActionNode, ActionNode>(frame.PendingKey, node));
            frame.PendingKey = null;
        }

        return false;
    }

    private static void Register(AnchorName anchor, ActionNode node, Dictionary<string, ActionNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SourcePosition ToPosition(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>YamlDotNet's message in libyaml's (and so yaml.v3's) words: the problem, without the context and the period.</summary>
    private static string Problem(string message)
    {
        var text = message.Trim();
        if (text.StartsWith('(') && text.IndexOf("): ", StringComparison.Ordinal) is var close and > 0)
        {
            text = text[(close + 3)..];
        }

        if (text.StartsWith("While ", StringComparison.Ordinal) && text.IndexOf(", ", StringComparison.Ordinal) is var comma and > 0)
        {
            text = text[(comma + 2)..];
        }

        text = text.TrimEnd('.');
        if (text.StartsWith("Found a tab character", StringComparison.OrdinalIgnoreCase))
        {
            return "found character that cannot start any token";
        }

        if (text.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Mapping values are not allowed", StringComparison.Ordinal))
        {
            return MappingValuesNotAllowed;
        }

        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "unknown problem parsing YAML content";
    }

    private sealed class Frame(SourcePosition position, AnchorName anchor, bool isMapping)
    {
        public SourcePosition Position { get; } = position;

        public AnchorName Anchor { get; } = anchor;

        public bool IsMapping { get; } = isMapping;

        public List<KeyValuePair<ActionNode, ActionNode>>? Entries { get; } = isMapping ? [] : null;

        public List<ActionNode>? Items { get; } = isMapping ? null : [];

        public ActionNode? PendingKey { get; set; }
    }
}
