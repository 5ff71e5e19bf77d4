using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

/// <summary>
/// The sample as a deployed process: its built program started with <c>--urls http://127.0.0.1:0</c> (the port chosen
/// at run time and read from its "Now listening on" line), configured through the environment, posted to, then stopped.
/// </summary>
public sealed partial class RequireOwnerProcessTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_service_process_refuses_a_commit_to_main_without_owner_and_passes_one_with()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LakeFs.Actions.Samples.RequireOwner.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["LakeFsWebhooks__Secret"] = "process-secret";
        start.Environment["RequireOwner__Branches__0"] = "prod-*";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The service exited:\n" + string.Join("\n", output)));
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(Hang);
            using var client = new HttpClient { BaseAddress = address };

            async Task<(HttpStatusCode, string)> PostAsync(GoPayload payload)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/require-owner") { Content = WebhookServer.Json(payload.ToJson()) };
                request.Headers.Add("X-LakeFs-Webhook-Secret", "process-secret");
                using var response = await client.SendAsync(request);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            var (refused, reason) = await PostAsync(LakeFsPayloads.For("pre-commit") with { BranchId = "prod-eu", CommitMetadata = null });
            var (passed, _) = await PostAsync(LakeFsPayloads.For("pre-commit") with { BranchId = "prod-eu" });
            var (mainPasses, _) = await PostAsync(LakeFsPayloads.For("pre-merge") with { CommitMetadata = null });
            using var health = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.PreconditionFailed, refused);
            Assert.StartsWith("Refused: the commit into branch 'prod-eu' (matches 'prod-*') needs the commit metadata key 'owner', which is missing.", reason, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, passed);
            Assert.Equal(HttpStatusCode.OK, mainPasses);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(Hang);
        }

        Assert.DoesNotContain(output, line => line.Contains("process-secret", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
