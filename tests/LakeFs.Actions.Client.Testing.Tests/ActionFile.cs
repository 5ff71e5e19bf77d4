namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>Action files for the runtime tests.</summary>
internal static class ActionFile
{
    /// <summary>An action named <paramref name="name"/> on <paramref name="events"/> (all branches) with one webhook hook.</summary>
    public static string Webhook(string name, string url, string hookId = "hook", string extraProperties = "", params string[] events)
    {
        var on = string.Concat(events.Select(static e => $"  {e}:\n"));
        return $"name: {name}\non:\n{on}hooks:\n  - id: {hookId}\n    type: webhook\n    properties:\n      url: \"{url}\"\n{extraProperties}";
    }

    /// <summary>A webhook hook entry (to append under <c>hooks:</c>).</summary>
    public static string Hook(string id, string url, string? condition = null, string type = "webhook") =>
        $"  - id: {id}\n    type: {type}\n" + (condition is null ? string.Empty : $"    if: \"{condition}\"\n") + $"    properties:\n      url: \"{url}\"\n";
}
