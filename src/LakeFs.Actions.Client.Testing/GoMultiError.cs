using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>go-multierror v1.1.1's text, which lakeFS uses to join the errors of the actions of one event.</summary>
internal static class GoMultiError
{
    public static string Format(IReadOnlyList<string> errors)
    {
        var text = new StringBuilder();
        text.Append(errors.Count == 1 ? "1 error occurred:\n" : $"{errors.Count} errors occurred:\n");
        foreach (var error in errors)
        {
            text.Append("\t* ").Append(error).Append('\n');
        }

        return text.Append('\n').ToString();
    }
}
