using System.CommandLine;
using System.CommandLine.Parsing;

namespace LakeFs.Actions.Cli;

/// <summary>An option that takes a positive duration such as <c>500ms</c>, <c>2s</c>, <c>10m</c> or <c>1h</c> (see <see cref="DurationParser"/>).</summary>
internal static class DurationOption
{
    /// <summary>Creates the option; a value that is not a positive duration is a usage error naming the option.</summary>
    /// <param name="name">The option's name, e.g. <c>--timeout</c>.</param>
    /// <param name="description">Help text.</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <returns>The option.</returns>
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(name, result),
    };

    private static TimeSpan Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DurationParser.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        result.AddError($"{name} must be a positive duration such as 500ms, 2s, 10m or 1h (was '{text}').");
        return default;
    }
}
