using System.Net.Sockets;
using System.Text;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// Sends a request over a plain socket, byte for byte, for what HttpClient will not send or show as is: empty
/// header values, the same header twice on separate lines.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and a body; returns the whole raw answer.</summary>
    public static async Task<string> SendAsync(LakeFsActionsEmulator emulator, string head, string body = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(emulator.Endpoint.Host, emulator.Endpoint.Port);
        var stream = client.GetStream();
        var authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.AccessKeyId}:{emulator.SecretAccessKey}"));
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = $"{head}\r\nHost: {emulator.Endpoint.Authority}\r\nAuthorization: Basic {authorization}\r\nConnection: close\r\n" +
            (bytes.Length > 0 ? $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\n" : string.Empty) + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
