using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// A raw HTTP/1.1 server on a loopback port chosen at run time that answers every request with 200, the
/// given Content-Type and no Content-Length (Connection: close), then sends the body as <see cref="Body"/>
/// produces it: a hostile server no handler-level fake can imitate, because the client reads from a socket.
/// </summary>
internal sealed class SlowBodyServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, CancellationToken, Task> _body;
    private readonly string _contentType;
    private readonly Task _accepting;
    private readonly TaskCompletionSource _headersSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SlowBodyServer(string contentType, Func<Stream, CancellationToken, Task> body)
    {
        _contentType = contentType;
        _body = body;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Completes when the first answer's headers (and the first body byte) are on the wire.</summary>
    public Task HeadersSent => _headersSent.Task;

    /// <summary>Sends <paramref name="first"/>, then one space every two seconds, forever.</summary>
    public static SlowBodyServer Trickle(string contentType = "application/json", string first = "[") => new(contentType, async (stream, stop) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(first), stop);
        await stream.FlushAsync(stop);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stop);
            await stream.WriteAsync(" "u8.ToArray(), stop);
            await stream.FlushAsync(stop);
        }
    });

    /// <summary>Sends <paramref name="first"/>, then nothing more until the server stops.</summary>
    public static SlowBodyServer Stall(string contentType, string first) => new(contentType, async (stream, stop) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(first), stop);
        await stream.FlushAsync(stop);
        await Task.Delay(Timeout.InfiniteTimeSpan, stop);
    });

    /// <summary>A JSON array that never ends, sent as fast as the client reads it.</summary>
    public static SlowBodyServer EndlessArray() => new("application/json", async (stream, stop) =>
    {
        await stream.WriteAsync("["u8.ToArray(), stop);
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"run_id\":\"r\"},", 1024)));
        while (true)
        {
            await stream.WriteAsync(chunk, stop);
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                await ReadRequestHeadAsync(stream);
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await _body(new SignallingStream(stream, _headersSent), _stop.Token);
            }
            catch (Exception)
            {
                // The client went away or the server stopped.
            }
        }
    }

    private async Task ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (seen.Count < 4 || !(seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("The client closed the connection.");
            }

            seen.Add(one[0]);
        }
    }

    /// <summary>Signals once its first write was flushed.</summary>
    private sealed class SignallingStream(Stream inner, TaskCompletionSource signal) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await inner.FlushAsync(cancellationToken);
            signal.TrySetResult();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            signal.TrySetResult();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
