using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli;

/// <summary>A client for the lakeFS server a command talks to, and the embedded demo server when that is the one.</summary>
internal sealed class LakeFsConnection : IAsyncDisposable
{
    private readonly LakeFsActionsClient _client;
    private readonly LakeFsRepositoriesClient _repositories;
    private readonly LakeFsActionsEmulator? _demoServer;

    public LakeFsConnection(LakeFsActionsClient client, LakeFsRepositoriesClient repositories, Uri endpoint, LakeFsActionsEmulator? demoServer)
    {
        _client = client;
        _repositories = repositories;
        Endpoint = endpoint;
        _demoServer = demoServer;
    }

    /// <summary>The client.</summary>
    public ILakeFsActionsClient Client => _client;

    /// <summary>The repositories client.</summary>
    public ILakeFsRepositoriesClient Repositories => _repositories;

    /// <summary>The server's address.</summary>
    public Uri Endpoint { get; }

    /// <summary>True when the commands talk to the embedded demo server.</summary>
    public bool IsDemo => _demoServer is not null;

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _repositories.Dispose();
        if (_demoServer is not null)
        {
            await _demoServer.DisposeAsync();
        }
    }
}
