using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>
/// <c>lakefs-runs actions validate|plan</c>: check action files the way lakeFS will treat them, and show which
/// hooks an event would run. Files come from local paths, or from a ref with <c>--repository</c> and <c>--ref</c>.
/// </summary>
internal static class ActionsCommand
{
    /// <summary>The folder lakeFS reads action files from, and the default path.</summary>
    public const string DefaultFolder = "_lakefs_actions";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("actions", "Validate lakeFS action files and plan which hooks an event runs (for hook authors and CI).");
        command.Add(CreateValidate(globals, environment));
        command.Add(CreatePlan(globals, environment));
        return command;
    }

    private sealed class SourceOptions
    {
        public Option<string?> Repository { get; } = new("--repository") { Description = "Read the action files of a ref on the lakeFS server instead of local files (with --ref).", HelpName = "repository" };

        public Option<string?> Ref { get; } = new("--ref") { Description = "The branch, tag or commit to read _lakefs_actions/ from (with --repository); lakeFS reads a pre-merge's files from the source's head commit.", HelpName = "ref" };

        public Option<string[]> Env { get; } = new("--env")
        {
            Description = "An ENV variable set on the lakeFS server (repeatable, or comma-separated); with it, ENV references to other prefixed variables are errors. The local environment is never consulted.",
            HelpName = "name",
            AllowMultipleArgumentsPerToken = false,
        };

        public Option<string> EnvPrefix { get; } = new("--env-prefix")
        {
            Description = "The server's actions.env.prefix.",
            HelpName = "prefix",
            DefaultValueFactory = _ => ActionValidationOptions.DefaultEnvironmentPrefix,
        };

        public void AddTo(Command command)
        {
            command.Add(Repository);
            command.Add(Ref);
            command.Add(Env);
            command.Add(EnvPrefix);
        }

        public ActionValidationOptions Options(ParseResult parseResult)
        {
            var names = (parseResult.GetValue(Env) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
            return new ActionValidationOptions
            {
                EnvironmentPrefix = parseResult.GetValue(EnvPrefix) ?? ActionValidationOptions.DefaultEnvironmentPrefix,
                KnownEnvironmentVariables = names.Count > 0 ? names : null,
            };
        }

        /// <summary>The server source, or null for local files; a usage error when only one of the two is given.</summary>
        public (string Repository, string Ref)? Server(ParseResult parseResult)
        {
            var repository = parseResult.GetValue(Repository);
            var reference = parseResult.GetValue(Ref);
            if (string.IsNullOrEmpty(repository) != string.IsNullOrEmpty(reference))
            {
                throw new UsageException("--repository and --ref go together: give both to read the action files of a ref, or neither to read local files.");
            }

            return string.IsNullOrEmpty(repository) ? null : (repository, reference!);
        }
    }

    private static Command CreateValidate(GlobalOptions globals, CliEnvironment environment)
    {
        var sources = new SourceOptions();
        var paths = new Argument<string[]>("path")
        {
            Description = $"Action files or folders (a folder is checked as lakeFS loads it: every file directly in it). Default: ./{DefaultFolder}.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit 1 on warnings too." };
        var command = new Command("validate", """
            Check action files as lakeFS will treat them: lakeFS's own load rules and texts, what lakeFS only finds
            when a hook is built or run, and warnings for what it silently ignores. Prints path:line:column: error|warning
            RULE: message (with GITHUB_ACTIONS=true also workflow annotations). Exit 0 when there is no error, 1 when
            there is one, 2 on usage errors.
            """) { paths, warningsAsErrors };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            try
            {
                var options = sources.Options(parseResult);
                var server = sources.Server(parseResult);
                var given = parseResult.GetValue(paths) ?? [];
                if (server is { } source)
                {
                    if (given.Length > 0)
                    {
                        throw new UsageException("Give either paths or --repository/--ref, not both.");
                    }

                    return await ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
                    {
                        var folder = await client.ValidateActionFilesAsync(source.Repository, source.Ref, options, token);
                        return await ReportAsync(environment, settings.Output, folder.Diagnostics, folder.Files.Count, parseResult.GetValue(warningsAsErrors), token);
                    }, cancellationToken);
                }

                var (diagnostics, files) = ValidateLocal(environment, given, options);
                return await ReportAsync(environment, settings.Output, diagnostics, files, parseResult.GetValue(warningsAsErrors), cancellationToken);
            }
            catch (UsageException error)
            {
                return await ErrorReporter.ReportAsync(error, environment.Error, cancellationToken);
            }
        });
        return globals.Writes(command, OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
    }

    private static Command CreatePlan(GlobalOptions globals, CliEnvironment environment)
    {
        var sources = new SourceOptions();
        var path = new Argument<string?>("path") { Description = $"The actions folder. Default: ./{DefaultFolder}.", Arity = ArgumentArity.ZeroOrOne };
        var eventOption = new Option<string>("--event", "-e")
        {
            Description = "The event: " + string.Join(", ", ActionEventType.Known) + ".",
            HelpName = "event",
            Required = true,
        }.AcceptOnlyFromAmong([.. ActionEventType.Known.Select(e => e.Value)]);
        var branch = new Option<string?>("--branch", "-b") { Description = "The branch the event is on: the destination of a merge, the new branch of create-branch.", HelpName = "branch" };
        var tag = new Option<string?>("--tag", "-t") { Description = "The tag of a tag event.", HelpName = "tag" };
        var command = new Command("plan", """
            Show which actions and hooks lakeFS runs for an event, in its order, with their hook run ids. When the folder
            does not load (lakeFS would refuse every hooked operation), prints the diagnostics and exits 1.
            """) { path, eventOption, branch, tag };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            try
            {
                var eventType = new ActionEventType(parseResult.GetRequiredValue(eventOption));
                var branchId = parseResult.GetValue(branch);
                var tagId = parseResult.GetValue(tag);
                if (branchId is not null && tagId is not null)
                {
                    throw new UsageException("--branch and --tag exclude each other.");
                }

                if (eventType.IsTagEvent && branchId is not null)
                {
                    throw new UsageException($"{eventType} is a tag event: it has no branch; give --tag (or nothing).");
                }

                if (!eventType.IsTagEvent && string.IsNullOrEmpty(branchId))
                {
                    throw new UsageException($"{eventType} needs --branch (for a merge: the destination; for create-branch: the new branch).");
                }

                var options = sources.Options(parseResult);
                var server = sources.Server(parseResult);
                var given = parseResult.GetValue(path);
                if (server is { } source)
                {
                    if (given is not null)
                    {
                        throw new UsageException("Give either a path or --repository/--ref, not both.");
                    }

                    return await ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
                    {
                        var folder = await client.ValidateActionFilesAsync(source.Repository, source.Ref, options, token);
                        return await PlanAsync(environment, settings.Output, folder, eventType, branchId, token);
                    }, cancellationToken);
                }

                var directory = Resolve(environment, given ?? DefaultFolder);
                if (!Directory.Exists(directory.Full))
                {
                    throw new UsageException($"'{directory.Shown}' is not a folder: give the actions folder (default ./{DefaultFolder}).");
                }

                var local = new ActionFileValidator(options).ValidateDirectory(directory.Full, directory.Shown);
                return await PlanAsync(environment, settings.Output, local, eventType, branchId, cancellationToken);
            }
            catch (UsageException error)
            {
                return await ErrorReporter.ReportAsync(error, environment.Error, cancellationToken);
            }
        });
        return globals.Writes(command, OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
    }

    private static (IReadOnlyList<ActionDiagnostic> Diagnostics, int Files) ValidateLocal(CliEnvironment environment, string[] given, ActionValidationOptions options)
    {
        var validator = new ActionFileValidator(options);
        var targets = given.Length > 0 ? given : [DefaultFolder];
        var diagnostics = new List<ActionDiagnostic>();
        var files = 0;
        foreach (var target in targets)
        {
            var (shown, full) = Resolve(environment, target);
            if (Directory.Exists(full))
            {
                var folder = validator.ValidateDirectory(full, shown);
                diagnostics.AddRange(folder.Diagnostics);
                files += folder.Files.Count;
            }
            else if (File.Exists(full))
            {
                var length = new FileInfo(full).Length;
                var result = length > options.MaxFileBytes
                    ? validator.ValidateFolder([ActionFileSource.ForOversizedFile(shown, length)]).Files[0]
                    : validator.ValidateFile(shown, File.ReadAllBytes(full));
                diagnostics.AddRange(result.Diagnostics);
                files++;
            }
            else
            {
                throw new UsageException(given.Length == 0
                    ? $"No ./{DefaultFolder} folder here: give the action files or folders to check, or --repository and --ref."
                    : $"'{target}' does not exist.");
            }
        }

        return (diagnostics, files);
    }

    private static (string Shown, string Full) Resolve(CliEnvironment environment, string path) =>
        (path, Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(environment.WorkingDirectory ?? Directory.GetCurrentDirectory(), path)));

    private static async Task<int> ReportAsync(CliEnvironment environment, OutputFormat format, IReadOnlyList<ActionDiagnostic> diagnostics, int files, bool warningsAsErrors, CancellationToken cancellationToken)
    {
        var output = environment.Out;
        switch (format)
        {
            case OutputFormat.Json:
                foreach (var diagnostic in diagnostics)
                {
                    await output.WriteLineAsync(ActionDiagnosticWriter.Json(diagnostic).AsMemory(), cancellationToken);
                }

                break;
            case OutputFormat.Markdown:
                await output.WriteAsync(ActionDiagnosticWriter.Markdown(diagnostics, files).AsMemory(), cancellationToken);
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    await output.WriteLineAsync(ActionDiagnosticWriter.Text(diagnostic).AsMemory(), cancellationToken);
                }

                break;
        }

        // Annotations only beside the text: JSON lines stay parseable, and markdown is usually redirected to a summary file.
        if (format == OutputFormat.Table && string.Equals(environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var diagnostic in diagnostics)
            {
                await output.WriteLineAsync(ActionDiagnosticWriter.Annotation(diagnostic).AsMemory(), cancellationToken);
            }
        }

        var errors = diagnostics.Count(d => d.Severity == ActionDiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        if (format == OutputFormat.Table)
        {
            await environment.Error.WriteLineAsync($"{files} file(s) checked: {errors} error(s), {warnings} warning(s).");
        }

        return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.RunFailed : ExitCodes.Success;
    }

    private static async Task<int> PlanAsync(CliEnvironment environment, OutputFormat format, ActionFolderResult folder, ActionEventType eventType, string? branchId, CancellationToken cancellationToken)
    {
        if (folder.LoadError is not null)
        {
            foreach (var diagnostic in folder.Diagnostics.Where(d => d.Severity == ActionDiagnosticSeverity.Error))
            {
                await environment.Error.WriteLineAsync(ActionDiagnosticWriter.Text(diagnostic));
            }

            await environment.Error.WriteLineAsync($"lakefs-runs: lakeFS would refuse every hooked operation on this ref ({folder.LoadErrorStatusCode}): {ActionDiagnosticWriter.OneLine(folder.LoadError)}");
            return ExitCodes.RunFailed;
        }

        var plan = folder.Plan(eventType, branchId);
        var refusal = plan.Error ?? plan.InstantiationError;
        if (refusal is not null)
        {
            await environment.Error.WriteLineAsync($"lakefs-runs: lakeFS would refuse the {eventType} (500, no run recorded): {ActionDiagnosticWriter.OneLine(refusal)}");
            return ExitCodes.RunFailed;
        }

        await ActionPlanWriter.WriteAsync(environment.Out, format, plan, cancellationToken);
        return ExitCodes.Success;
    }
}
