using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// The validation of an actions folder (the files of a ref's <c>_lakefs_actions/</c>): per-file results in
/// path order, the folder-level findings, and what lakeFS would do when it loads the folder: the actions it
/// loads, or the error that aborts every hooked operation on the ref (<see cref="LoadError"/>).
/// </summary>
public sealed class ActionFolderResult
{
    private ActionFolderResult(IReadOnlyList<ActionFileResult> files, IReadOnlyList<ActionDiagnostic> diagnostics, IReadOnlyList<ActionFile> actions, string? loadError, int loadErrorStatusCode)
    {
        Files = files;
        Diagnostics = diagnostics;
        Actions = actions;
        LoadError = loadError;
        LoadErrorStatusCode = loadErrorStatusCode;
    }

    /// <summary>The files' results, in ordinal path order (lakeFS's order).</summary>
    public IReadOnlyList<ActionFileResult> Files { get; }

    /// <summary>Every finding: each file's in path order, with the cross-file ones (duplicate names) in their file.</summary>
    public IReadOnlyList<ActionDiagnostic> Diagnostics { get; }

    /// <summary>The actions lakeFS loads, in path order; empty when <see cref="LoadError"/> is set.</summary>
    public IReadOnlyList<ActionFile> Actions { get; }

    /// <summary>
    /// The cause lakeFS reports when loading the folder fails, exactly as it words it: the per-file errors joined
    /// as go-multierror does (<c>1 error occurred:\n\t* parsing file ...\n\n</c>; in path order here, completion
    /// order on a server), or a duplicate action name (<c>action name 'x' already loaded: invalid action</c>).
    /// Null when lakeFS loads the folder.
    /// </summary>
    public string? LoadError { get; }

    /// <summary>The status lakeFS answers with <see cref="LoadError"/>: 404 when a subfolder is listed, else 500; 0 when there is no error.</summary>
    public int LoadErrorStatusCode { get; }

    /// <summary>True when a diagnostic is an error.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many diagnostics are errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == ActionDiagnosticSeverity.Error);

    /// <summary>How many diagnostics are warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == ActionDiagnosticSeverity.Warning);

    /// <summary>
    /// Which actions and hooks lakeFS runs for an event: see <see cref="ActionPlanner.Plan"/>. When the folder
    /// does not load, the plan is empty and carries <see cref="LoadError"/>.
    /// </summary>
    /// <param name="eventType">The event.</param>
    /// <param name="branchId">The branch matched: the destination for a merge, the new branch for create-branch; ignored for tag events.</param>
    /// <returns>The plan.</returns>
    public ActionPlan Plan(ActionEventType eventType, string? branchId) =>
        LoadError is not null
            ? new ActionPlan(eventType, eventType.IsTagEvent ? null : branchId, [], LoadError, LoadErrorStatusCode)
            : ActionPlanner.Plan(Actions, eventType, branchId);

    internal static ActionFolderResult Create(List<ActionFileResult> files, bool hasSubfolder)
    {
        var errors = files.Where(f => f.LakeFsError is not null).Select(f => f.LakeFsError!).ToList();
        var extra = new Dictionary<ActionFileResult, List<ActionDiagnostic>>();
        string? duplicate = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Action is not { } action || action.Name.Length == 0)
            {
                continue;
            }

            if (!names.Add(action.Name))
            {
                var message = $"action name '{action.Name}' already loaded: invalid action";
                duplicate ??= message;
                extra[file] = [new ActionDiagnostic(file.Path, action.NamePosition, ActionDiagnosticSeverity.Error, ActionRules.ActionNameDuplicate, message)];
            }
        }

        var diagnostics = new List<ActionDiagnostic>();
        foreach (var file in files)
        {
            if (extra.TryGetValue(file, out var added))
            {
                diagnostics.AddRange(file.Diagnostics.Concat(added).OrderBy(d => d.Line).ThenBy(d => d.Column));
            }
            else
            {
                diagnostics.AddRange(file.Diagnostics);
            }
        }

        string? loadError = null;
        if (errors.Count > 0)
        {
            loadError = MultiError(errors);
        }
        else if (duplicate is not null)
        {
            loadError = duplicate;
        }

        var status = loadError is null ? 0 : hasSubfolder ? 404 : 500;
        var actions = loadError is null ? files.Select(f => f.Action!).ToList() : [];
        return new ActionFolderResult(files, diagnostics, actions, loadError, status);
    }

    /// <summary>go-multierror v1.1.1's text.</summary>
    internal static string MultiError(IReadOnlyList<string> errors)
    {
        var builder = new StringBuilder();
        builder.Append(errors.Count == 1 ? "1 error occurred:\n" : $"{errors.Count} errors occurred:\n");
        foreach (var error in errors)
        {
            builder.Append("\t* ").Append(error).Append('\n');
        }

        return builder.Append('\n').ToString();
    }
}
