using LakeFs.Actions.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command cleanly; a second one ends the process at once.
    e.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess(), interrupted.Token);
