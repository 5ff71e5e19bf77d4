using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// A loopback HTTP/1.1 server on a port chosen at run time that records each request byte for byte (request line,
/// headers as sent, body) and answers as the test says: a status and body, nothing at all until released (a hang),
/// or bytes that are not HTTP.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<ReceivedWebhook> _arrivals = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public WebhookReceiver(Func<ReceivedWebhook, WebhookReply>? reply = null)
    {
        Reply = reply ?? (_ => WebhookReply.Status(200, "ok"));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Decides the answer to each request.</summary>
    public Func<ReceivedWebhook, WebhookReply> Reply { get; set; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    /// <summary>The next request to arrive (a guard of 30 s turns a missing request into a failure instead of a hang).</summary>
    public async Task<ReceivedWebhook> NextAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                while (await ReadRequestAsync(stream) is { } request)
                {
                    lock (_received)
                    {
                        _received.Add(request);
                    }

                    var reply = Reply(request);
                    await _arrivals.Writer.WriteAsync(request);
                    if (reply.Release is { } release)
                    {
                        await release.WaitAsync(_stopping.Token);
                    }

                    if (reply.Raw is { } raw)
                    {
                        await stream.WriteAsync(raw, _stopping.Token);
                        return;
                    }

                    var body = Encoding.UTF8.GetBytes(reply.Body);
                    var head = $"HTTP/1.1 {reply.StatusCode} {((HttpStatusCode)reply.StatusCode)}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stopping.Token);
                    await stream.WriteAsync(body, _stopping.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<ReceivedWebhook?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var headText = Encoding.UTF8.GetString([.. head]);
        var lines = headText[..^4].Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(static l => (l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].TrimStart())).ToList();
        var length = headers.Where(static h => h.Item1.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(static h => int.Parse(h.Item2)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return new ReceivedWebhook(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }
}

/// <summary>One request as it arrived.</summary>
internal sealed record ReceivedWebhook(string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    /// <summary>Every value of a header (names compared case-insensitively), in the order they arrived.</summary>
    public IReadOnlyList<string> Header(string name) =>
        [.. Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(static h => h.Value)];

    public string EventType => System.Text.Json.JsonDocument.Parse(Body).RootElement.GetProperty("event_type").GetString()!;
}

/// <summary>How the receiver answers one request.</summary>
internal sealed record WebhookReply(int StatusCode, string Body, byte[]? Raw = null, Task? Release = null)
{
    public static WebhookReply Status(int statusCode, string body = "") => new(statusCode, body);

    /// <summary>Answers only once <paramref name="release"/> completes (or never, until the receiver is disposed).</summary>
    public static WebhookReply After(Task release, int statusCode = 200, string body = "ok") => new(statusCode, body, Release: release);

    /// <summary>Writes bytes that are not an HTTP response, then closes the connection.</summary>
    public static WebhookReply Garbage(string text) => new(0, string.Empty, Raw: Encoding.ASCII.GetBytes(text));
}
