// The lakeFS hook audit: which action runs ran for a commit (or recently), which failed, and why.
//
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit                      # embedded demo server
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --repository my-repo --commit <sha>
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --repository my-repo --latest 50 --tail 20
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --html report.html   # also a self-contained HTML report
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --help
//
// Connection: the "LakeFs" configuration section (appsettings.json, LakeFs__Endpoint, ...), else the lakectl
// environment variables (LAKECTL_SERVER_ENDPOINT_URL, ...), else ~/.lakectl.yaml. With none of them, the sample
// starts the embedded demo lakeFS server with the repository "demo-repo" (in CI only with --demo).
// Exit code: 0 when every audited run passed, 1 when a run failed (the HTML report is written either way),
// 2 on a usage, configuration, connection or API error, 130 when interrupted.
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Samples.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

AuditCommandLine commandLine;
try
{
    commandLine = AuditCommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"audit: {e.Message} Run with --help for usage.");
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.Out.WriteLine(AuditCommandLine.Usage);
    return 0;
}

// The command line is read above, not through configuration: only the "LakeFs" section configures the client.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning); // the client logs its own requests at Debug
builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace); // keep stdout for the report

LakeFsActionsEmulator? demo = null;
try
{
    if (commandLine.Demo || !AuditConnection.IsConfigured(builder.Configuration))
    {
        if (!commandLine.Demo && AuditConnection.IsContinuousIntegration())
        {
            Console.Error.WriteLine("audit: no lakeFS configured (LakeFs:Endpoint, LAKECTL_SERVER_ENDPOINT_URL or ~/.lakectl.yaml), and CI is set: " +
                "configure the server, or pass --demo to use the embedded demo server.");
            return 2;
        }

        // Held at the start of the UTC day, the demo data keeps the same run ids all day.
        demo = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { TimeProvider = new StartOfDayClock(TimeProvider.System) });
        Console.Error.WriteLine($"audit: {(commandLine.Demo ? "--demo given" : "no lakeFS configured")}; using the embedded demo server at {demo.Endpoint}");
        builder.Services.AddLakeFsActionsClient(options =>
        {
            options.Endpoint = demo.Endpoint;
            options.AccessKeyId = demo.AccessKeyId;
            options.SecretAccessKey = demo.SecretAccessKey;
        });
    }
    else
    {
        builder.Services.AddLakeFsActionsClient(); // LakeFs section, then LAKECTL_* variables, then ~/.lakectl.yaml
    }

    builder.Services.AddSingleton(services => new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>()));

    using var host = builder.Build();
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

    try
    {
        var findings = await host.Services.GetRequiredService<AuditRunner>().CollectAsync(commandLine.Request, cancel.Token);
        return await AuditReportOutput.WriteAsync(findings, Console.Out, Console.Error, TimeProvider.System.GetUtcNow());
    }
    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
    {
        return 130;
    }
}
catch (Exception e) when (AuditErrors.Describe(e) is { } message)
{
    Console.Error.WriteLine($"audit: {message}");
    return 2;
}
finally
{
    if (demo is not null)
    {
        await demo.DisposeAsync();
    }
}
