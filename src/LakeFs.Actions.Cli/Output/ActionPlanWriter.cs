using System.Globalization;
using System.Text;
using System.Text.Json;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>Writes an <see cref="ActionPlan"/>: a table, JSON lines (one per hook) or markdown.</summary>
internal static class ActionPlanWriter
{
    public static async Task WriteAsync(TextWriter output, OutputFormat format, ActionPlan plan, CancellationToken cancellationToken)
    {
        var text = format switch
        {
            OutputFormat.Json => Json(plan),
            OutputFormat.Markdown => Markdown(plan),
            _ => Table(plan),
        };
        await output.WriteAsync(text.AsMemory(), cancellationToken);
    }

    private static string Where(ActionPlan plan) => plan.BranchId is null ? plan.EventType.Value : $"{plan.EventType} on branch {plan.BranchId}";

    private static string Table(ActionPlan plan)
    {
        var builder = new StringBuilder();
        if (plan.Actions.Count == 0)
        {
            return $"No action runs for {Where(plan)}.\n";
        }

        var rows = new List<string[]> { new[] { "HOOK RUN ID", "ACTION", "HOOK", "TYPE", "IF", "FILE" } };
        foreach (var action in plan.Actions)
        {
            if (action.Hooks.Count == 0)
            {
                rows.Add([action.Index.ToString("D4", CultureInfo.InvariantCulture) + "_----", action.Action.Name, "(no hooks)", string.Empty, string.Empty, action.Action.Path]);
            }

            foreach (var hook in action.Hooks)
            {
                rows.Add([hook.HookRunId, hook.Action.Name, hook.Hook.Id, hook.Hook.Type, hook.Hook.If.Length == 0 ? "success()" : hook.Hook.If, hook.Action.Path]);
            }
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            builder.AppendJoin("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        }

        return builder.ToString();
    }

    private static string Json(ActionPlan plan)
    {
        var builder = new StringBuilder();
        foreach (var hook in plan.Hooks)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("file", hook.Action.Path);
                writer.WriteString("action", hook.Action.Name);
                writer.WriteString("hook_id", hook.Hook.Id);
                writer.WriteString("hook_run_id", hook.HookRunId);
                writer.WriteString("type", hook.Hook.Type);
                writer.WriteString("if", hook.Hook.If);
                writer.WriteString("event_type", plan.EventType.Value);
                if (plan.BranchId is null)
                {
                    writer.WriteNull("branch_id");
                }
                else
                {
                    writer.WriteString("branch_id", plan.BranchId);
                }

                writer.WriteEndObject();
            }

            builder.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        }

        return builder.ToString();
    }

    private static string Markdown(ActionPlan plan)
    {
        var builder = new StringBuilder("## Hooks for ").Append(MarkdownText.Escape(Where(plan))).Append("\n\n");
        if (plan.Hooks.Count == 0)
        {
            return builder.Append(plan.Actions.Count == 0 ? "No action runs.\n" : "Matched actions have no hooks.\n").ToString();
        }

        builder.Append("| Hook run id | Action | Hook | Type | If | File |\n|---|---|---|---|---|---|\n");
        foreach (var hook in plan.Hooks)
        {
            builder.Append("| ").Append(MarkdownText.Code(hook.HookRunId))
                .Append(" | ").Append(MarkdownText.Escape(hook.Action.Name))
                .Append(" | ").Append(MarkdownText.Code(hook.Hook.Id))
                .Append(" | ").Append(MarkdownText.Escape(hook.Hook.Type))
                .Append(" | ").Append(MarkdownText.Code(hook.Hook.If.Length == 0 ? "success()" : hook.Hook.If))
                .Append(" | ").Append(MarkdownText.Code(hook.Action.Path)).Append(" |\n");
        }

        return builder.ToString();
    }
}
