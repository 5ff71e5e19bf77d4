using System.CommandLine;

namespace LakeFs.Actions.Cli;

/// <summary>
/// An argument or a text option given as an empty (or blank) value, e.g. <c>--commit ""</c> from an unset shell
/// variable, is a usage error naming it: never read as "not given", which would widen a filter or fall back to
/// another setting without a word.
/// </summary>
internal static class EmptyValueRefusal
{
    /// <summary>Adds the check to every text argument and option under <paramref name="root"/>. Call once the tree is complete.</summary>
    /// <param name="root">The root command.</param>
    public static void AddTo(Command root)
    {
        foreach (var command in Descendants(root))
        {
            foreach (var argument in command.Arguments.Where(a => a.ValueType == typeof(string)))
            {
                argument.Validators.Add(result =>
                {
                    if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
                    {
                        result.AddError($"<{argument.Name}> must not be empty.");
                    }
                });
            }

            foreach (var option in command.Options.Where(o => o.ValueType == typeof(string)))
            {
                option.Validators.Add(result =>
                {
                    if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
                    {
                        result.AddError($"{option.Name} must not be empty.");
                    }
                });
            }
        }
    }

    private static IEnumerable<Command> Descendants(Command command) => command.Subcommands.SelectMany(Descendants).Prepend(command);
}
