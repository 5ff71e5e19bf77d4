using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli;

/// <summary>
/// The clients for the lakeFS server a command talks to, and the embedded demo server when that is the one. Each
/// client is created when a command first asks for it, so a command opens one connection pool: the one of the
/// client it uses.
/// </summary>
internal sealed class LakeFsConnection : IAsyncDisposable
{
    private readonly LakeFsClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly LakeFsActionsEmulator? _demoServer;
    private LakeFsActionsClient? _client;
    private LakeFsRepositoriesClient? _repositories;

    /// <param name="options">Validated connection settings.</param>
    /// <param name="timeProvider">The clock for retry delays and polling.</param>
    /// <param name="demoServer">The embedded demo server the options point at, if any; disposed with the connection.</param>
    public LakeFsConnection(LakeFsClientOptions options, TimeProvider timeProvider, LakeFsActionsEmulator? demoServer)
    {
        _options = options;
        _timeProvider = timeProvider;
        _demoServer = demoServer;
        Endpoint = options.Endpoint!;
    }

    /// <summary>The actions client (runs, hooks, repository listing).</summary>
    public ILakeFsActionsClient Client => _client ??= new LakeFsActionsClient(_options, transport: null, loggerFactory: null, _timeProvider);

    /// <summary>The repositories client (create, delete, settings, dump and restore).</summary>
    public ILakeFsRepositoriesClient Repositories => _repositories ??= new LakeFsRepositoriesClient(_options, transport: null, loggerFactory: null, _timeProvider);

    /// <summary>The server's address.</summary>
    public Uri Endpoint { get; }

    /// <summary>True when the commands talk to the embedded demo server.</summary>
    public bool IsDemo => _demoServer is not null;

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _repositories?.Dispose();
        if (_demoServer is not null)
        {
            await _demoServer.DisposeAsync();
        }
    }
}
