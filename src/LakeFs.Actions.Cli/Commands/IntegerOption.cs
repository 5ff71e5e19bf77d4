using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LakeFs.Actions.Cli;

/// <summary>
/// An option that takes a whole number within a range. A value that is not one (<c>abc</c>, <c>1.5</c>, a number
/// too large for an <see cref="int"/>, one below the minimum) is a usage error naming the option, never an exception.
/// </summary>
internal static class IntegerOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="name">The option's name, e.g. <c>--limit</c>.</param>
    /// <param name="description">Help text.</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="aliases">Other names, e.g. <c>-L</c>.</param>
    /// <returns>The option.</returns>
    public static Option<int> Create(string name, string description, int defaultValue, int minimum, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(name, minimum, result),
    };

    private static int Parse(string name, int minimum, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number from {minimum} to {int.MaxValue} (was '{text}').");
        return default;
    }
}
