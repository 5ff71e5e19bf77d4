using System.Net;

namespace LakeFs.Actions.Client.Benchmarks.Wire;

/// <summary>
/// The socket handler both the facade and the baselines use in the loopback cases: the same settings as the
/// client's own default transport, one connection pool shared by both, so only the code above the socket differs.
/// </summary>
internal static class LoopbackTransport
{
    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
