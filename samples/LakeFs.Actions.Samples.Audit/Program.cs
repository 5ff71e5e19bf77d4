// The lakeFS hook audit: which action runs ran for a commit (or recently), which failed, and why.
//
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit                      # embedded demo server
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --repository my-repo --commit <sha>
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --repository my-repo --latest 50 --tail 20
//   dotnet run --project samples/LakeFs.Actions.Samples.Audit -- --html report.html   # also a self-contained HTML report
//
// Connection: the "LakeFs" configuration section (appsettings.json, LakeFs__Endpoint, ...), else the lakectl
// environment variables (LAKECTL_SERVER_ENDPOINT_URL, ...), else ~/.lakectl.yaml. With none of them, the sample
// starts the embedded demo lakeFS server with the repository "demo-repo".
// Exit code: 0 when every audited run passed, 1 when a run failed (the HTML report is written either way),
// 2 on a usage or connection error.
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Samples.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning); // the client logs its own requests at Debug
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace); // keep stdout for the report

AuditRequest request;
try
{
    request = AuditRequest.FromConfiguration(builder.Configuration);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"audit: {e.Message}");
    return 2;
}

await using var demo = AuditConnection.IsConfigured(builder.Configuration)
    ? null
    : await LakeFsActionsEmulator.StartDemoAsync();

if (demo is null)
{
    builder.Services.AddLakeFsActionsClient(); // LakeFs section, then LAKECTL_* variables, then ~/.lakectl.yaml
}
else
{
    Console.Error.WriteLine($"audit: no lakeFS configured; using the embedded demo server at {demo.Endpoint}");
    builder.Services.AddLakeFsActionsClient(options =>
    {
        options.Endpoint = demo.Endpoint;
        options.AccessKeyId = demo.AccessKeyId;
        options.SecretAccessKey = demo.SecretAccessKey;
    });
}

builder.Services.AddSingleton(services => new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>()));

using var host = builder.Build();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

try
{
    var findings = await host.Services.GetRequiredService<AuditRunner>().CollectAsync(request, cancel.Token);
    return await AuditReportOutput.WriteAsync(findings, Console.Out, Console.Error, TimeProvider.System.GetUtcNow());
}
catch (LakeFsApiException e)
{
    Console.Error.WriteLine($"audit: {e.Message}");
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"audit: could not write the HTML report: {e.Message}");
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return 130;
}
