using System.Text;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client;

/// <summary>
/// Validates lakeFS action files the way the server treats them: lakeFS's own load rules with its texts
/// (what makes every hooked operation on a ref fail), then what lakeFS finds only when an event matches or a
/// hook is built or run, then warnings for what it silently accepts. A correct file gets no diagnostic.
/// Thread-safe; hostile input (deep nesting, alias bombs, huge files) gets a diagnostic within set limits.
/// </summary>
public sealed partial class ActionFileValidator
{
    /// <summary>Creates a validator.</summary>
    /// <param name="options">The settings; null for <see cref="ActionValidationOptions.Default"/>.</param>
    public ActionFileValidator(ActionValidationOptions? options = null) => Options = options ?? ActionValidationOptions.Default;

    /// <summary>The settings.</summary>
    public ActionValidationOptions Options { get; }

    /// <summary>Validates one file from its text.</summary>
    /// <param name="path">The file's path, used in diagnostics and in lakeFS's error text.</param>
    /// <param name="text">The YAML text.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ActionFileResult ValidateFile(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Options.MaxFileBytes)
        {
            return TooLarge(path, text.Length);
        }

        return ValidateText(path, text);
    }

    /// <summary>Validates one file from its bytes (UTF-8, or UTF-16 with a byte order mark).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public ActionFileResult ValidateFile(string path, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (content.Length > Options.MaxFileBytes)
        {
            return TooLarge(path, content.Length);
        }

        var span = content.Span;
        var isUtf16 = span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF));
        if (!isUtf16)
        {
            var body = span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF ? span[3..] : span;
            if (YamlCharacterCheck.Check(body, out var badPosition) is { } problem)
            {
                return ReaderError(path, badPosition, problem);
            }
        }

        if (!TryDecode(span, out var text))
        {
            var diagnostic = new ActionDiagnostic(path, SourcePosition.Start, ActionDiagnosticSeverity.Error, ActionRules.Unreadable, "yaml: invalid UTF-8 text");
            return new ActionFileResult(path, null, [diagnostic], ParsingError(path, diagnostic.Message));
        }

        return ValidateText(path, text);
    }

    /// <summary>Validates one file read from a stream; reads no more than the size limit allows.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="content">The stream, read to its end (or past the limit).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<ActionFileResult> ValidateFileAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var limit = Options.MaxFileBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooLarge(path, content.CanSeek ? content.Length : null);
            }

            buffer.Write(chunk, 0, read);
        }

        return ValidateFile(path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>
    /// Validates a folder as lakeFS loads it: every entry (any name or extension; a subfolder is an error), in
    /// ordinal path order, then action names unique across the files.
    /// </summary>
    /// <param name="entries">The folder's entries.</param>
    /// <returns>The result, with the loaded actions when lakeFS would load them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public ActionFolderResult ValidateFolder(IEnumerable<ActionFileSource> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var files = new List<ActionFileResult>(ordered.Count);
        foreach (var entry in ordered)
        {
            if (entry.IsFolder)
            {
                var diagnostic = new ActionDiagnostic(entry.Path, SourcePosition.Start, ActionDiagnosticSeverity.Error, ActionRules.Subfolder,
                    "lakeFS lists this subfolder as an action file and fails to load it (not found): every hooked operation on the ref answers 404");
                files.Add(new ActionFileResult(entry.Path, null, [diagnostic], $"loading file {entry.Path}: not found"));
            }
            else if (entry.OversizedLength is { } length)
            {
                files.Add(TooLarge(entry.Path, length));
            }
            else
            {
                files.Add(ValidateFile(entry.Path, entry.Content));
            }
        }

        return ActionFolderResult.Create(files, ordered.Any(e => e.IsFolder));
    }

    /// <summary>
    /// Validates a local folder (e.g. a checkout's <c>_lakefs_actions</c>) as lakeFS would load it from a ref:
    /// every file directly in it, whatever its name, and its subfolders as errors. Diagnostics name files as
    /// <c>&lt;directory&gt;/&lt;name&gt;</c> with the directory as given.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ActionFolderResult ValidateDirectory(string directory) => ValidateDirectory(directory, directory);

    /// <summary>
    /// Validates a local folder as <see cref="ValidateDirectory(string)"/> does, naming its files
    /// <c>&lt;displayName&gt;/&lt;name&gt;</c> (e.g. <c>_lakefs_actions/check.yaml</c> for a folder read through its full path).
    /// </summary>
    /// <param name="directory">The folder to read.</param>
    /// <param name="displayName">How diagnostics and actions name the folder.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ActionFolderResult ValidateDirectory(string directory, string displayName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        var info = new DirectoryInfo(directory);
        if (!info.Exists)
        {
            throw new DirectoryNotFoundException($"The actions folder '{directory}' does not exist.");
        }

        var prefix = displayName.TrimEnd('/', '\\') + "/";
        var entries = new List<ActionFileSource>();
        // Every entry, hidden ones (.keep) included: lakeFS lists every object under the prefix.
        foreach (var child in info.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false }))
        {
            var path = prefix + child.Name;
            if (child is DirectoryInfo)
            {
                entries.Add(ActionFileSource.ForFolder(path + "/"));
            }
            else if (((FileInfo)child).Length > Options.MaxFileBytes)
            {
                entries.Add(ActionFileSource.ForOversizedFile(path, ((FileInfo)child).Length));
            }
            else
            {
                entries.Add(new ActionFileSource(path, File.ReadAllBytes(child.FullName)));
            }
        }

        return ValidateFolder(entries);
    }

    /// <summary>libyaml's reader refusing the text: yaml.v3 prints the problem without a line.</summary>
    private static ActionFileResult ReaderError(string path, SourcePosition position, string problem)
    {
        var rule = problem == YamlCharacterCheck.ControlCharacters ? ActionRules.YamlSyntax : ActionRules.Unreadable;
        var diagnostic = new ActionDiagnostic(path, position, ActionDiagnosticSeverity.Error, rule, "yaml: " + problem);
        return new ActionFileResult(path, null, [diagnostic], ParsingError(path, diagnostic.Message));
    }

    private ActionFileResult TooLarge(string path, long? length)
    {
        var size = length is { } l ? $"{l} bytes" : "too large";
        var diagnostic = new ActionDiagnostic(path, SourcePosition.Start, ActionDiagnosticSeverity.Error, ActionRules.FileTooLarge,
            $"file is {size}, over the limit of {Options.MaxFileBytes} bytes: not validated");
        return new ActionFileResult(path, null, [diagnostic], ParsingError(path, diagnostic.Message));
    }

    private ActionFileResult ValidateText(string path, string text)
    {
        // libyaml skips a byte order mark at the start and refuses control characters anywhere.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (YamlCharacterCheck.Check(text, out var badPosition) is { } problem)
        {
            return ReaderError(path, badPosition, problem);
        }

        var read = YamlDocumentReader.Read(text, Options.MaxDepth);
        if (read.Failure != YamlReadFailure.None)
        {
            var depth = read.Failure == YamlReadFailure.Depth;
            var message = depth ? $"yaml: {read.Error}: nesting deeper than {Options.MaxDepth} levels is not validated" : read.Error!;
            var diagnostic = new ActionDiagnostic(path, read.ErrorPosition, ActionDiagnosticSeverity.Error,
                depth ? ActionRules.NestingTooDeep : ActionRules.YamlSyntax, message);
            return new ActionFileResult(path, null, [diagnostic], ParsingError(path, depth ? "yaml: " + read.Error : read.Error!));
        }

        var budget = (int)Math.Min(int.MaxValue, (3L * read.NodeCount) + Options.MaxAliasExpansion + 16);
        var decoder = new ActionFileDecoder(path, budget);
        ActionFile action;
        try
        {
            action = decoder.Decode(read.Root);
        }
        catch (AliasBudgetExceededException exception)
        {
            var diagnostic = new ActionDiagnostic(path, exception.Position, ActionDiagnosticSeverity.Error, ActionRules.ExcessiveAliasing, exception.Message);
            return new ActionFileResult(path, null, [diagnostic], ParsingError(path, exception.Message));
        }

        var diagnostics = new List<ActionDiagnostic>(decoder.Warnings);
        if (decoder.TypeErrors.Count > 0)
        {
            foreach (var (position, errorText) in decoder.TypeErrors)
            {
                var message = errorText[(errorText.IndexOf(": ", StringComparison.Ordinal) + 2)..];
                diagnostics.Add(new ActionDiagnostic(path, position, ActionDiagnosticSeverity.Error, ActionRules.YamlShape, message));
            }

            var combined = "yaml: unmarshal errors:\n  " + string.Join("\n  ", decoder.TypeErrors.Select(e => e.Text));
            return new ActionFileResult(path, null, Sort(diagnostics), ParsingError(path, combined));
        }

        var first = CheckLakeFsRules(action, path, diagnostics);
        CheckRuntime(action, path, diagnostics);
        return new ActionFileResult(path, action, Sort(diagnostics), first is null ? null : ParsingError(path, first));
    }

    /// <summary>Rules 1-10 in lakeFS's order; returns the one lakeFS reports (the first), or null.</summary>
    private static string? CheckLakeFsRules(ActionFile action, string path, List<ActionDiagnostic> diagnostics)
    {
        string? first = null;
        void Error(SourcePosition position, string rule, string message)
        {
            diagnostics.Add(new ActionDiagnostic(path, position, ActionDiagnosticSeverity.Error, rule, message));
            first ??= message;
        }

        if (action.Name.Length == 0)
        {
            Error(action.NamePosition, ActionRules.NameRequired, "'name' is required: invalid action");
        }
        else if (!NamePattern().IsMatch(action.Name))
        {
            Error(action.NamePosition, ActionRules.NameInvalid, "'name' is invalid: invalid action");
        }

        if (action.On.Count == 0)
        {
            Error(action.OnPosition, ActionRules.OnRequired, "'on' is required: invalid action");
        }
        else
        {
            // lakeFS walks a Go map (random order); this follows the file's order: the first event's support,
            // then every event's parameters, then the other events' support.
            var unsupported = action.On.Where(t => !t.EventType.IsKnown).ToList();
            var tagged = action.On.Where(HasTagBranches).ToList();
            static string Unsupported(ActionTrigger t) => $"event '{t.EventType.Value}' is not supported: invalid action";
            const string TagText = "'branches' is not supported in tag event types. invalid event parameter";
            if (!action.On[0].EventType.IsKnown)
            {
                first ??= Unsupported(action.On[0]);
            }
            else if (tagged.Count > 0)
            {
                first ??= TagText;
            }
            else if (unsupported.Count > 0)
            {
                first ??= Unsupported(unsupported[0]);
            }

            foreach (var trigger in action.On)
            {
                if (!trigger.EventType.IsKnown)
                {
                    diagnostics.Add(new ActionDiagnostic(path, trigger.Position, ActionDiagnosticSeverity.Error, ActionRules.EventUnsupported, Unsupported(trigger)));
                }

                if (HasTagBranches(trigger))
                {
                    diagnostics.Add(new ActionDiagnostic(path, trigger.Position, ActionDiagnosticSeverity.Error, ActionRules.TagEventParameters, TagText));
                }
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hook in action.Hooks)
        {
            var i = hook.Index;
            if (!HookIdPattern().IsMatch(hook.Id))
            {
                Error(hook.IdPosition, ActionRules.HookIdInvalid, $"hook[{i}] missing ID: invalid action");
            }
            else if (!ids.Add(hook.Id))
            {
                Error(hook.IdPosition, ActionRules.HookIdDuplicate, $"hook[{i}] duplicate ID '{hook.Id}': invalid action");
            }

            if (!HookPropertyRules.IsKnownType(hook.Type))
            {
                Error(hook.TypePosition, ActionRules.HookTypeUnknown, $"hook[{i}] type '{hook.Id}' unknown: invalid action");
                continue;
            }

            if (hook.Properties is null)
            {
                Error(hook.PropertiesPosition, ActionRules.PropertiesMissing, $"hook[{i}] type '{hook.Type}': missing hook properties: invalid action");
                continue;
            }

            foreach (var group in HookPropertyRules.RequiredGroups(hook.Type))
            {
                if (!group.Any(key => hook.Properties.TryGetValue(key, out _)))
                {
                    Error(hook.PropertiesPosition, ActionRules.PropertyRequired,
                        $"hook[{i}] type '{hook.Type}': '{string.Join("' or '", group)}' must be supplied in properties: invalid action");
                    break;
                }
            }
        }

        return first;
    }

    /// <summary>lakeFS refuses a tag event only when it lists at least one branch (<c>{}</c> and <c>branches: []</c> pass).</summary>
    private static bool HasTagBranches(ActionTrigger trigger) => trigger.EventType.IsTagEvent && trigger.Branches.Count > 0;

    /// <summary>What lakeFS finds only when an event matches or a hook is built or run, and the silent traps.</summary>
    private void CheckRuntime(ActionFile action, string path, List<ActionDiagnostic> diagnostics)
    {
        foreach (var trigger in action.On)
        {
            foreach (var pattern in trigger.Branches)
            {
                if (!GoPathPattern.IsValid(pattern.Pattern))
                {
                    diagnostics.Add(new ActionDiagnostic(path, pattern.Position, ActionDiagnosticSeverity.Error, ActionRules.BranchPatternInvalid, GoPathPattern.BadPatternMessage));
                }
                else if (NeverMatchesBranch(pattern.Pattern))
                {
                    diagnostics.Add(new ActionDiagnostic(path, pattern.Position, ActionDiagnosticSeverity.Warning, ActionRules.BranchPatternNeverMatches,
                        $"branch pattern '{pattern.Pattern}' can never match: branch ids are letters, digits, '_' and '-' only (no '/' or '.')"));
                }
            }
        }

        foreach (var hook in action.Hooks)
        {
            if (HookCondition.TryParse(hook.If, out var condition, out var conditionError))
            {
                hook.Condition = condition;
            }
            else
            {
                hook.ConditionError = conditionError;
                diagnostics.Add(new ActionDiagnostic(path, hook.IfPosition, ActionDiagnosticSeverity.Error, ActionRules.ConditionInvalid,
                    $"'if' is not a valid condition (only success(), failure(), true, false and boolean operators): {conditionError}"));
            }

            // Only hooks that pass rules 9 and 10 are ever built; their building is what fails at run time.
            if (hook.Properties is { } properties && HookPropertyRules.IsKnownType(hook.Type)
                && HookPropertyRules.RequiredGroups(hook.Type).All(group => group.Any(key => properties.TryGetValue(key, out _))))
            {
                var instantiationErrors = new List<string>();
                HookPropertyRules.Check(hook, path, Options, diagnostics, instantiationErrors);
                hook.InstantiationError = instantiationErrors.FirstOrDefault();
            }
        }
    }

    /// <summary>True when a valid glob holds a literal <c>/</c> or <c>.</c> (outside a class), or is empty.</summary>
    private static bool NeverMatchesBranch(string pattern)
    {
        if (pattern.Length == 0)
        {
            return true;
        }

        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i++;
                if (!inClass && pattern[i] is '/' or '.')
                {
                    return true;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    i++;
                }
            }
            else if (c is '/' or '.')
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<ActionDiagnostic> Sort(List<ActionDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();

    private static string ParsingError(string path, string error) => $"parsing file {path}: {error}";

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                text = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                text = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            else
            {
                if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                {
                    bytes = bytes[3..];
                }

                text = StrictUtf8.GetString(bytes);
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"^[0-9A-Za-z_][0-9A-Za-z_\-. ]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[_a-zA-Z][\-_a-zA-Z0-9]{1,255}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HookIdPattern();
}
