
namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Resolves a hook property's <c>{{ ENV.NAME }}</c> references with the action-file library's
/// <see cref="EnvironmentSubstitution"/> (lakeFS's rules: the <c>LAKEFSACTION_</c> prefix, empty for other names, an
/// error for an unset prefixed name) and keeps whether the value is secret, as a hook log needs it.
/// </summary>
internal static class EnvTemplate
{
    /// <summary>Resolves a value; false with lakeFS's error text when a prefixed variable is not set.</summary>
    public static bool TryResolve(string value, Func<string, string?> lookup, out SecretValue resolved, out string? error)
    {
        if (!EnvironmentSubstitution.TrySubstitute(value, lookup, out var text, out var secret, out error))
        {
            resolved = default;
            return false;
        }

        resolved = new SecretValue(text, secret);
        return true;
    }
}

/// <summary>A resolved property value; <see cref="Shown"/> is what a hook log prints.</summary>
internal readonly record struct SecretValue(string Value, bool IsSecret)
{
    public string Shown => IsSecret ? EnvironmentSubstitution.Mask : Value;
}
