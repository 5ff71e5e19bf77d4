using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>Checks the <c>Authorization</c> header: HTTP Basic with the access key pair, or a Bearer token.</summary>
internal sealed class RequestAuthenticator
{
    private readonly LakeFsEmulatorOptions _options;

    public RequestAuthenticator(LakeFsEmulatorOptions options) => _options = options;

    public bool IsAuthenticated(HttpRequest request)
    {
        if (!_options.RequireAuthentication)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return IsValidBasic(header["Basic ".Length..].Trim());
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && _options.BearerToken is { Length: > 0 } token)
        {
            return FixedTimeEquals(header["Bearer ".Length..].Trim(), token);
        }

        return false;
    }

    private bool IsValidBasic(string encoded)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && FixedTimeEquals(decoded[..colon], _options.AccessKeyId)
            && FixedTimeEquals(decoded[(colon + 1)..], _options.SecretAccessKey);
    }

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
