using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Webhooks;

/// <summary>
/// The configured shared secret, kept only as its SHA-256 hash, and where a request carries it. The presented
/// value is hashed too and the hashes compared with <see cref="CryptographicOperations.FixedTimeEquals"/>: the time
/// taken depends neither on how many leading characters match nor on the presented value's length.
/// </summary>
internal sealed class SharedSecret
{
    private readonly byte[] _expectedHash;
    private readonly string? _headerName;
    private readonly string? _queryParameterName;

    public SharedSecret(string secret, string? headerName, string? queryParameterName)
    {
        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        _headerName = string.IsNullOrWhiteSpace(headerName) ? null : headerName;
        _queryParameterName = string.IsNullOrWhiteSpace(queryParameterName) ? null : queryParameterName;
    }

    /// <summary>Where the secret is expected, for the 401 message (names only, never a value).</summary>
    public string Where => (_headerName, _queryParameterName) switch
    {
        ({ } header, { } query) => $"header {header} or query parameter {query}",
        ({ } header, null) => $"header {header}",
        (null, { } query) => $"query parameter {query}",
        _ => "nowhere",
    };

    /// <summary>What the request carries: the header first, then the query parameter; null when neither is there.</summary>
    public string? Presented(HttpRequest request)
    {
        if (_headerName is not null && request.Headers.TryGetValue(_headerName, out var header) && header.Count > 0)
        {
            return header.Count == 1 ? header[0] : string.Join(',', header.ToArray());
        }

        if (_queryParameterName is not null && request.Query.TryGetValue(_queryParameterName, out var query) && query.Count > 0)
        {
            return query.Count == 1 ? query[0] : string.Join(',', query.ToArray());
        }

        return null;
    }

    /// <summary>True when <paramref name="presented"/> is the secret; constant time.</summary>
    public bool Matches(string presented)
    {
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        return CryptographicOperations.FixedTimeEquals(presentedHash, _expectedHash);
    }
}
