using Microsoft.Extensions.Hosting;

namespace LakeFs.Actions.Client.Testing;

/// <summary>A host lifetime that leaves the console alone: no Ctrl+C handling, no start-up messages.</summary>
internal sealed class InProcessHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
