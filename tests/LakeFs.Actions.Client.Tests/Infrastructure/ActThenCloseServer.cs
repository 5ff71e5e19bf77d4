using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// A raw HTTP/1.1 server on a loopback port chosen at run time (port 0), below any .NET HTTP stack: it answers
/// GETs with a small JSON document on keep-alive connections (so the client's pool holds a connection), and for
/// every other request reads it whole, counts it as acted on, then closes the socket without answering: a write
/// that took effect and whose answer was lost. Counts what reached the wire, per method and path.
/// </summary>
internal sealed class ActThenCloseServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private int _connectionCount;

    public ActThenCloseServer()
    {
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>How many requests "METHOD /path" (no query) reached the server.</summary>
    public int Received(string method, string path) => _received.TryGetValue(method + " " + path, out var count) ? count : 0;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connectionCount);
                _connections.Add(ServeAsync(socket));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var buffer = new List<byte>();
            var chunk = new byte[4096];
            try
            {
                while (true)
                {
                    int headerEnd;
                    while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
                    {
                        var read = await stream.ReadAsync(chunk, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                    }

                    var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
                    var lines = head.Split("\r\n");
                    var requestLine = lines[0].Split(' ');
                    var method = requestLine[0];
                    var path = requestLine[1].Split('?')[0];
                    var length = lines.Skip(1)
                        .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
                        .FirstOrDefault();
                    while (buffer.Count < headerEnd + 4 + length)
                    {
                        var read = await stream.ReadAsync(chunk, _stop.Token);
                        if (read == 0)
                        {
                            return; // the client gave up on the body: nothing to act on
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                    }

                    buffer.RemoveRange(0, headerEnd + 4 + length);
                    _received.AddOrUpdate(method + " " + path, 1, (_, count) => count + 1);
                    if (method != "GET")
                    {
                        // Acted on; the answer is lost with the connection.
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }

                    var body = "{}"u8.ToArray();
                    var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                    await stream.WriteAsync(answer, _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }
}
