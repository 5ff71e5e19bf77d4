using System.Net.Http.Headers;
using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// Removes a request's own credentials from text taken from its response (a server or proxy can echo the
/// Authorization header in an error message, a body or a header): the whole header value, the Base64 Basic
/// value, the decoded <c>key:secret</c>, the access key id, the secret and the bearer token.
/// </summary>
internal sealed class CredentialRedactor
{
    public const string Mask = "[REDACTED]";

    // Shorter values are not credentials anyone uses, and masking them would garble ordinary text.
    private const int MinimumSecretLength = 4;

    private static readonly CredentialRedactor None = new([]);

    private readonly string[] _secrets;

    private CredentialRedactor(string[] secrets) => _secrets = secrets;

    /// <summary>The redactor for the credentials <paramref name="request"/> carried.</summary>
    public static CredentialRedactor For(HttpRequestMessage? request) =>
        request?.Headers.Authorization is { } authorization ? For(authorization) : None;

    public static CredentialRedactor For(AuthenticationHeaderValue authorization)
    {
        var secrets = new List<string> { authorization.ToString() };
        if (authorization.Parameter is { } parameter)
        {
            secrets.Add(parameter);
            if (string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && TryDecode(parameter) is { } decoded)
            {
                secrets.Add(decoded);
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    secrets.Add(decoded[..colon]);
                    secrets.Add(decoded[(colon + 1)..]);
                }
            }
        }

        // As they appear in a URL (a redirect's location) too: percent-encoded, and Base64 without its padding.
        secrets.AddRange(secrets.Select(Uri.EscapeDataString).Concat(secrets.Select(s => s.TrimEnd('='))).ToList());

        // Longest first, so the whole header is masked before its parts.
        return new CredentialRedactor([.. secrets.Where(s => s.Length >= MinimumSecretLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)]);
    }

    /// <summary>The text with every credential replaced by <see cref="Mask"/>; null stays null.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    private static string? TryDecode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
