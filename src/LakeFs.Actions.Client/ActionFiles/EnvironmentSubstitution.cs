namespace LakeFs.Actions.Client;

/// <summary>
/// lakeFS's substitution of <c>{{ ENV.NAME }}</c> references in property values (webhook <c>query_params</c> and
/// <c>headers</c>, airflow <c>password</c>, lua <c>args</c>), for a runtime that builds hooks as lakeFS does:
/// a variable without the prefix (or with substitution disabled) becomes the empty string, a prefixed variable
/// that is not set is an error, and any reference makes the value secret (lakeFS logs it as <c>*******</c>).
/// </summary>
public static class EnvironmentSubstitution
{
    /// <summary>How lakeFS prints a secret value in a hook log.</summary>
    public const string Mask = "*******";

    /// <summary>Substitutes the references in <paramref name="value"/>.</summary>
    /// <param name="value">The property value.</param>
    /// <param name="lookup">Returns a variable's value, or null when it is not set (the server's environment, not necessarily this process's).</param>
    /// <param name="result">The value with references replaced.</param>
    /// <param name="isSecret">True when the value held a reference (lakeFS then masks it in logs).</param>
    /// <param name="error">lakeFS's error text when a prefixed variable is not set: <c>NAME not found: missing env var</c>.</param>
    /// <param name="prefix">The server's <c>actions.env.prefix</c>.</param>
    /// <param name="enabled">The server's <c>actions.env.enabled</c>; when false every reference becomes the empty string.</param>
    /// <returns>False when a prefixed variable is not set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool TrySubstitute(
        string value,
        Func<string, string?> lookup,
        out string result,
        out bool isSecret,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error,
        string prefix = ActionValidationOptions.DefaultEnvironmentPrefix,
        bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(prefix);
        string? failure = null;
        var matches = 0;
        result = EnvironmentReference.Replace(value, (reference, name) =>
        {
            if (failure is not null)
            {
                return string.Empty;
            }

            matches++;
            if (name is null)
            {
                return reference;
            }

            if (!enabled || !name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return string.Empty;
            }

            if (lookup(name) is { } found)
            {
                return found;
            }

            failure = $"{name} not found: missing env var";
            return string.Empty;
        });
        if (failure is { } failed)
        {
            error = failed;
            result = string.Empty;
            isSecret = false;
            return false;
        }

        error = null;
        isSecret = matches > 0;
        return true;
    }
}
