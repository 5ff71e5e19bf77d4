using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// lakeFS's <c>{{ ENV.NAME }}</c> substitution in hook properties (its <c>SecureString</c>): one optional space inside
/// each brace pair, any number of references in a value, NAME the full variable name. A name with the
/// <c>LAKEFSACTION_</c> prefix must be set (else the hook cannot be built); a name without it becomes the empty
/// string. Any substitution makes the value secret: logs show it as <c>*******</c>.
/// </summary>
internal static partial class EnvTemplate
{
    public const string Prefix = "LAKEFSACTION_";
    public const string Mask = "*******";

    /// <summary>Resolves a value; false with lakeFS's error text when a prefixed variable is not set.</summary>
    public static bool TryResolve(string value, Func<string, string?> lookup, out SecretValue resolved, out string? error)
    {
        string? missing = null;
        var secret = false;
        var text = Reference().Replace(value, match =>
        {
            secret = true;
            var name = match.Groups[1].Value;
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return string.Empty;
            }

            var found = lookup(name);
            if (found is null)
            {
                missing ??= name;
                return string.Empty;
            }

            return found;
        });
        if (missing is not null)
        {
            resolved = default;
            error = $"{missing} not found: missing env var";
            return false;
        }

        resolved = new SecretValue(text, secret);
        error = null;
        return true;
    }

    [GeneratedRegex(@"\{\{ ?ENV\.([^{}\s]+) ?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}

/// <summary>A resolved property value; <see cref="Shown"/> is what a hook log prints.</summary>
internal readonly record struct SecretValue(string Value, bool IsSecret)
{
    public string Shown => IsSecret ? EnvTemplate.Mask : Value;
}
