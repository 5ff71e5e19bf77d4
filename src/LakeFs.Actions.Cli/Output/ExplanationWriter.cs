using System.Globalization;
using LakeFs.Actions.Client;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Cli;

/// <summary>Prints a <see cref="HookRefusalExplanation"/> as text, as one JSON object, or as a markdown job summary.</summary>
internal sealed class ExplanationWriter(TextWriter writer)
{
    public async Task WriteTextAsync(HookRefusalExplanation explanation)
    {
        var refusal = explanation.Refusal;
        if (refusal is not null)
        {
            await writer.WriteAsync($"Refused:  {refusal.EventType ?? "(event not named: lakeFS before v1.60)"}{Into(refusal)} (HTTP {refusal.ExpectedStatusCode}: {KindText(refusal.Kind)})\n");
        }

        if (explanation.Run is { } run)
        {
            await writer.WriteAsync($"Run:      {run.RunId} ({run.Status}, {run.EventType}{(run.Branch.Length > 0 ? " on " + run.Branch : string.Empty)}{(run.CommitId.Length > 0 ? ", commit " + DisplayTime.ShortCommit(run.CommitId) : string.Empty)})\n");
        }
        else if (explanation.RunProblem is { } problem)
        {
            await writer.WriteAsync($"Run:      {explanation.RunId ?? "-"}: {problem}\n");
        }

        await writer.WriteAsync($"Summary:  {explanation.Summary}\n");
        if (refusal is { IsTruncated: true })
        {
            await writer.WriteAsync("Note:     the message was cut; the run's listing below is complete.\n");
        }

        if (refusal is { IsAmbiguous: true })
        {
            await writer.WriteAsync("Note:     the message lists a different number of items than it declares (a cause with text like an item, or a cut list); trust the run's listing.\n");
        }

        if (explanation.BrokenFiles.Count > 0)
        {
            await writer.WriteAsync("\nBroken action files (fix or remove them on the ref):\n");
            foreach (var file in explanation.BrokenFiles)
            {
                await writer.WriteAsync($"  {file.Path}: {OneLine(file.Error)}{(file.CouldNotRead ? " (could not be read)" : string.Empty)}\n");
            }
        }

        if (refusal is not null && refusal.BrokenFiles.Count == 0 && refusal.FailedHooks.Count == 0)
        {
            foreach (var error in refusal.OtherErrors)
            {
                await writer.WriteAsync($"Error:    {OneLine(error)}\n");
            }
        }

        foreach (var hook in explanation.FailedHooks)
        {
            var status = hook.HookRun?.Status.ToString() ?? "not in the run";
            await writer.WriteAsync($"\n==> {hook.HookRunId} {hook.ActionName}/{hook.HookId} ({status}) <==\n");
            if (hook.Cause is { } cause)
            {
                await writer.WriteAsync($"Cause: {cause}\n");
            }

            if (hook.LogProblem is { } logProblem)
            {
                await writer.WriteAsync($"({logProblem})\n");
            }
            else if (hook.LogTail.Count > 0)
            {
                await writer.WriteAsync(hook.LogTailTruncated ? $"Last {hook.LogTail.Count} lines of its log:\n" : "Its log:\n");
                foreach (var line in hook.LogTail)
                {
                    await writer.WriteAsync(MarkdownText.Clean(line) + "\n");
                }
            }
            else
            {
                await writer.WriteAsync("(empty log)\n");
            }
        }
    }

    public async Task WriteJsonAsync(HookRefusalExplanation explanation, CancellationToken cancellationToken)
    {
        var json = new JsonLineWriter(writer);
        var refusal = explanation.Refusal;
        var document = new JObject
        {
            ["repository"] = explanation.Repository,
            ["summary"] = explanation.Summary,
            ["run_id"] = explanation.RunId,
            ["run"] = explanation.Run is { } run ? json.ToObject(run) : JValue.CreateNull(),
            ["run_problem"] = explanation.RunProblem,
        };
        if (refusal is not null)
        {
            document["refusal"] = new JObject
            {
                ["event_type"] = refusal.EventType,
                ["prefix"] = refusal.Prefix.ToString(),
                ["destination"] = refusal.Destination,
                ["kind"] = refusal.Kind.ToString(),
                ["expected_status_code"] = refusal.ExpectedStatusCode,
                ["run_recorded"] = refusal.RunRecorded,
                ["legacy_format"] = refusal.IsLegacyFormat,
                ["truncated"] = refusal.IsTruncated,
                ["ambiguous"] = refusal.IsAmbiguous,
                ["other_errors"] = new JArray(refusal.OtherErrors),
            };
        }

        document["broken_files"] = new JArray(explanation.BrokenFiles.Select(file => new JObject
        {
            ["path"] = file.Path,
            ["error"] = file.Error,
            ["could_not_read"] = file.CouldNotRead,
        }));
        document["failed_hooks"] = new JArray(explanation.FailedHooks.Select(hook => new JObject
        {
            ["hook_run_id"] = hook.HookRunId,
            ["action"] = hook.ActionName,
            ["hook_id"] = hook.HookId,
            ["status"] = hook.HookRun?.Status.ToString(),
            ["cause"] = hook.Cause,
            ["hook_ran"] = hook.HookRan,
            ["log_tail"] = new JArray(hook.LogTail),
            ["log_tail_truncated"] = hook.LogTailTruncated,
            ["log_problem"] = hook.LogProblem,
        }));
        await json.WriteLineAsync(document, cancellationToken);
    }

    public async Task WriteMarkdownAsync(HookRefusalExplanation explanation)
    {
        var refusal = explanation.Refusal;
        var title = refusal is not null
            ? $"Why {refusal.EventType ?? "the operation"}{Into(refusal)} was refused in {explanation.Repository}"
            : $"Run {explanation.RunId} in {explanation.Repository}";
        await writer.WriteAsync($"## {MarkdownText.Escape(title)}\n\n");
        await writer.WriteAsync(MarkdownText.Escape(explanation.Summary) + "\n\n");
        if (refusal is not null)
        {
            await writer.WriteAsync($"- HTTP {refusal.ExpectedStatusCode.ToString(CultureInfo.InvariantCulture)}: {MarkdownText.Escape(KindText(refusal.Kind))}\n");
        }

        await writer.WriteAsync(explanation.Run is { } run
            ? $"- Run: {MarkdownText.Code(run.RunId)} ({MarkdownText.Escape(run.Status.ToString())})\n\n"
            : $"- Run: {MarkdownText.Escape(explanation.RunProblem ?? "none")}\n\n");

        if (explanation.BrokenFiles.Count > 0)
        {
            await writer.WriteAsync("### Broken action files\n\n| File | Error |\n| --- | --- |\n");
            foreach (var file in explanation.BrokenFiles)
            {
                await writer.WriteAsync($"| {MarkdownText.Code(file.Path)} | {MarkdownText.Escape(file.Error)} |\n");
            }

            await writer.WriteAsync("\n");
        }

        if (explanation.FailedHooks.Count == 0)
        {
            return;
        }

        await writer.WriteAsync("### Failed hooks\n\n| Hook run | Action | Hook | Cause |\n| --- | --- | --- | --- |\n");
        foreach (var hook in explanation.FailedHooks)
        {
            await writer.WriteAsync($"| {MarkdownText.Code(hook.HookRunId)} | {MarkdownText.Escape(hook.ActionName)} | {MarkdownText.Escape(hook.HookId)} | {MarkdownText.Escape(hook.Cause ?? hook.HookRun?.Status.ToString())} |\n");
        }

        await writer.WriteAsync("\n");
        foreach (var hook in explanation.FailedHooks.Where(h => h.LogTail.Count > 0))
        {
            await writer.WriteAsync($"<details><summary>{MarkdownText.Html($"{hook.HookRunId} {hook.ActionName}/{hook.HookId}: end of the log")}</summary>\n\n");
            await writer.WriteAsync(MarkdownText.FencedBlock(hook.LogTail));
            await writer.WriteAsync("\n</details>\n\n");
        }
    }

    private static string Into(HookRefusal refusal) => refusal.Destination is { } destination ? $" into {destination}" : string.Empty;

    private static string KindText(HookRefusalKind kind) => kind switch
    {
        HookRefusalKind.HooksFailed => "a hook ran and failed; the run is recorded",
        HookRefusalKind.ConditionFailed => "an 'if' expression failed; the run is recorded",
        HookRefusalKind.ActionFilesBroken => "an action file could not be loaded; no run was recorded",
        _ => "the hooks could not be set up; no run was recorded",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
