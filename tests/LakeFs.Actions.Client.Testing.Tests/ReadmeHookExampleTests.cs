using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>Keeps the README's example equal to <see cref="ReadmeHookExampleTests"/>, which compiles and runs it.</summary>
public sealed class ReadmeHookExampleTextTests
{
    [Fact]
    public void The_readme_shows_this_test_class_verbatim()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LakeFs.Actions.Client.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var source = File.ReadAllText(Path.Combine(root.FullName, "tests", "LakeFs.Actions.Client.Testing.Tests", "ReadmeHookExampleTests.cs")).ReplaceLineEndings("\n");
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");
        var example = source[(source.IndexOf("\npublic sealed class ReadmeHookExampleTests\n", StringComparison.Ordinal) + 1)..].TrimEnd() + "\n```";
        var section = readme[readme.IndexOf("## Test your hook end to end", StringComparison.Ordinal)..];

        Assert.Contains(example, section, StringComparison.Ordinal);
    }
}

/// <summary>The README's "Test your hook end to end" example, kept compiling and passing (and equal to the README's text).</summary>
public sealed class ReadmeHookExampleTests
{
    [Fact]
    public async Task A_commit_without_a_ticket_is_refused_with_the_reason()
    {
        // The hook under test: a minimal ASP.NET Core webhook on a loopback port chosen at run time.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var hook = builder.Build();
        hook.MapPost("/hooks/require-ticket", (LakeFsEvent e) =>
            e.commit_metadata?.ContainsKey("ticket") == true
                ? Results.Ok("ticket present")
                : Results.BadRequest("commit metadata needs a 'ticket'"));
        await hook.StartAsync();
        var hookUrl = hook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // lakeFS, in process: an action file on main that calls the hook before every commit.
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("my-repo");
        lakeFs.PutActionFile("my-repo", "main", "require-ticket.yaml", $"""
            name: Require a ticket
            on:
              pre-commit:
                branches: [main]
            hooks:
              - id: require_ticket
                type: webhook
                properties:
                  url: "{hookUrl}/hooks/require-ticket"
            """);
        lakeFs.PutObject("my-repo", "main", "tables/orders.csv", "id,amount\n1,10\n");

        var refused = await lakeFs.CommitAsync("my-repo", "main", "add orders");
        var accepted = await lakeFs.CommitAsync("my-repo", "main", "add orders", new Dictionary<string, string> { ["ticket"] = "DATA-42" });

        Assert.Equal(412, refused.StatusCode);
        Assert.Contains("pre-commit hook aborted", refused.Message);
        Assert.Contains("hook 'require_ticket': action failed: webhook request failed (status code: 400)", refused.Message);
        using var http = lakeFs.CreateHttpClient();
        var log = await http.GetStringAsync($"api/v1/repositories/my-repo/actions/runs/{refused.PreRunIds[^1]}/hooks/0000_0000/output");
        Assert.Contains("commit metadata needs a 'ticket'", log);
        Assert.True(accepted.Succeeded, accepted.ToString());
    }

#pragma warning disable SA1300, IDE1006 // the payload's own field names
    private sealed record LakeFsEvent(string event_type, string? commit_message, Dictionary<string, string>? commit_metadata);
#pragma warning restore SA1300, IDE1006
}
