using LakeFs.Actions.Cli.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LakeFs.Actions.Cli.Tests;

/// <summary><c>actions validate</c> and <c>actions plan</c>: outputs, annotations and exit codes.</summary>
public sealed class ActionsCommandTests : IDisposable
{
    private const string Valid = "name: Check\non:\n  pre-commit:\n    branches: [main]\nhooks:\n  - id: notify\n    type: webhook\n    properties:\n      url: http://h\n";
    private readonly InProcessCli _cli = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("lakefs-actions-").FullName;

    public ActionsCommandTests() => _cli.WorkingDirectory = _directory;

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private Task<CliResult> Run(params string[] args) => _cli.RunAsync(args);

    [Fact]
    public async Task Validate_prints_compiler_style_lines_and_exits_1_on_an_error()
    {
        Write("_lakefs_actions/a.yaml", Valid);
        Write("_lakefs_actions/b.yaml", "name: x\non:\n  pre-commit:\n    branch: [main]\n");

        var result = await Run("actions", "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "_lakefs_actions/b.yaml:1:7: error LFA004: 'name' is invalid: invalid action",
                "_lakefs_actions/b.yaml:4:5: warning LFA201: unknown key 'branch' in an event is ignored by lakeFS; did you mean 'branches'?",
            ],
            result.StdoutLines);
        Assert.Contains("2 file(s) checked: 1 error(s), 1 warning(s).", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_folder_prints_nothing_and_exits_0()
    {
        Write("_lakefs_actions/a.yaml", Valid);
        var result = await Run("actions", "validate", "_lakefs_actions");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Warnings_pass_unless_warnings_are_errors()
    {
        Write("hooks/a.yaml", "name: Check\non:\n  pre-commit:\n    branches: ['feature/*']\n");
        Assert.Equal(0, (await Run("actions", "validate", "hooks")).ExitCode);
        var strict = await Run("actions", "validate", "hooks", "--warnings-as-errors");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("hooks/a.yaml:4:16: warning LFA206:", strict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_writes_one_object_per_diagnostic()
    {
        Write("a.yaml", "name: Check\non:\n  pre_commit:\n");
        var result = await Run("actions", "validate", "a.yaml", "--output", "json");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.JsonLines);
        Assert.Equal("a.yaml", line.GetProperty("file").GetString());
        Assert.Equal(3, line.GetProperty("line").GetInt32());
        Assert.Equal(3, line.GetProperty("column").GetInt32());
        Assert.Equal("error", line.GetProperty("severity").GetString());
        Assert.Equal("LFA006", line.GetProperty("rule").GetString());
        Assert.Equal("event 'pre_commit' is not supported: invalid action", line.GetProperty("message").GetString());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task On_GitHub_Actions_each_diagnostic_is_also_a_workflow_annotation()
    {
        _cli.Environment["GITHUB_ACTIONS"] = "true";
        Write("_lakefs_actions/a,b.yaml", "name: Check\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: webhook\n    properties:\n      url: http://h\n      timeout: 30\n");
        var result = await Run("actions", "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "_lakefs_actions/a,b.yaml:9:16: warning LFA202: 'timeout' 30 is not a string: lakeFS ignores it and uses the default 1m; write a Go duration such as \"30s\"",
                "::warning file=_lakefs_actions/a%2Cb.yaml,line=9,col=16,title=LFA202::'timeout' 30 is not a string: lakeFS ignores it and uses the default 1m; write a Go duration such as \"30s\"",
            ],
            result.StdoutLines);
    }

    [Fact]
    public async Task Markdown_writes_a_job_summary()
    {
        Write("_lakefs_actions/a.yaml", "name: Check\non:\n  pre-commit:\nhooks:\n  - id: h|1\n    type: lua\n    properties: {script: x}\n");
        var result = await Run("actions", "validate", "-o", "markdown");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("## lakeFS action files\n\n❌ 1 file(s) checked: 1 error(s), 0 warning(s).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| `_lakefs_actions/a.yaml` | 5:9 | error | LFA008 | hook\\[0\\] missing ID: invalid action |", result.Stdout, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_directory, "_lakefs_actions/a.yaml"), Valid);
        var clean = await Run("actions", "validate", "-o", "markdown");
        Assert.Contains("✅ 1 file(s) checked: no problems.", clean.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_env_variables_make_an_unknown_one_an_error()
    {
        Write("a.yaml", "name: Check\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: webhook\n    properties:\n      url: http://h\n      headers: {Authorization: \"{{ ENV.LAKEFSACTION_TOKEN }}\"}\n");
        Assert.Equal(0, (await Run("actions", "validate", "a.yaml")).ExitCode);
        Assert.Equal(0, (await Run("actions", "validate", "a.yaml", "--env", "LAKEFSACTION_TOKEN")).ExitCode);
        var missing = await Run("actions", "validate", "a.yaml", "--env", "LAKEFSACTION_OTHER,LAKEFSACTION_X");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error LFA108: extracting headers: reading header: LAKEFSACTION_TOKEN not found: missing env var", missing.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(2, (await Run("actions", "validate")).ExitCode);
        Assert.Equal(2, (await Run("actions", "validate", "missing.yaml")).ExitCode);
        Assert.Equal(2, (await Run("actions", "validate", "--repository", "repo")).ExitCode);
        Assert.Equal(2, (await Run("actions", "validate", "--ref", "main")).ExitCode);
        Assert.Equal(2, (await Run("actions", "validate", "--output", "yaml")).ExitCode);
        Assert.Equal(2, (await Run("actions", "plan", "--event", "pre_commit", "--branch", "main")).ExitCode);
        Assert.Equal(2, (await Run("actions", "plan", "--branch", "main")).ExitCode);
        Write("_lakefs_actions/a.yaml", Valid);
        Assert.Equal(2, (await Run("actions", "plan", "--event", "pre-commit")).ExitCode);
        Assert.Equal(2, (await Run("actions", "plan", "--event", "pre-create-tag", "--branch", "main")).ExitCode);
        Assert.Equal(2, (await Run("actions", "plan", "--event", "pre-commit", "--branch", "main", "--tag", "v1")).ExitCode);
        var noFolder = await Run("actions", "plan", "elsewhere", "--event", "pre-commit", "--branch", "main");
        Assert.Equal(2, noFolder.ExitCode);
        Assert.Contains("'elsewhere' is not a folder", noFolder.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_lists_the_hooks_with_their_run_ids()
    {
        Write("_lakefs_actions/a.yaml", "name: Guard\non:\n  pre-merge:\n");
        Write("_lakefs_actions/b.yaml", "name: Check\non:\n  pre-merge:\n    branches: [main]\nhooks:\n  - id: first\n    type: webhook\n    properties: {url: http://h}\n  - id: second\n    type: lua\n    if: failure()\n    properties: {script: x}\n");

        var text = await Run("actions", "plan", "--event", "pre-merge", "--branch", "main");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(
            [
                "HOOK RUN ID  ACTION  HOOK        TYPE     IF         FILE",
                "0000_----    Guard   (no hooks)                      _lakefs_actions/a.yaml",
                "0001_0000    Check   first       webhook  success()  _lakefs_actions/b.yaml",
                "0001_0001    Check   second      lua      failure()  _lakefs_actions/b.yaml",
            ],
            text.StdoutLines);

        var json = await Run("actions", "plan", "--event", "pre-merge", "--branch", "main", "-o", "json");
        Assert.Equal(["0001_0000", "0001_0001"], json.JsonLines.Select(l => l.GetProperty("hook_run_id").GetString()));
        var first = json.JsonLines[0];
        Assert.Equal("_lakefs_actions/b.yaml", first.GetProperty("file").GetString());
        Assert.Equal("Check", first.GetProperty("action").GetString());
        Assert.Equal("first", first.GetProperty("hook_id").GetString());
        Assert.Equal("webhook", first.GetProperty("type").GetString());

        var other = await Run("actions", "plan", "--event", "pre-merge", "--branch", "dev");
        Assert.Equal(["HOOK RUN ID  ACTION  HOOK        TYPE  IF  FILE", "0000_----    Guard   (no hooks)            _lakefs_actions/a.yaml"], other.StdoutLines);

        var none = await Run("actions", "plan", "--event", "post-merge", "--branch", "main");
        Assert.Equal(["No action runs for post-merge on branch main."], none.StdoutLines);

        var markdown = await Run("actions", "plan", "--event", "pre-merge", "--branch", "main", "-o", "markdown");
        Assert.Contains("| `0001_0001` | Check | `second` | lua | `failure()` | `_lakefs_actions/b.yaml` |", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_tag_event_has_no_branch()
    {
        Write("_lakefs_actions/a.yaml", "name: Tags\non:\n  pre-create-tag:\nhooks:\n  - id: t1\n    type: lua\n    properties: {script: x}\n");
        var json = await Run("actions", "plan", "--event", "pre-create-tag", "--tag", "v1.0", "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var line = Assert.Single(json.JsonLines);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("branch_id").ValueKind);
    }

    [Fact]
    public async Task Plan_of_an_invalid_folder_reports_the_diagnostics_and_exits_1()
    {
        Write("_lakefs_actions/a.yaml", Valid);
        Write("_lakefs_actions/notes.md", "# notes\n");
        var result = await Run("actions", "plan", "--event", "pre-commit", "--branch", "main", "-o", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("_lakefs_actions/notes.md:1:1: error LFA003: 'name' is required: invalid action", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("lakeFS would refuse every hooked operation on this ref (500): 1 error occurred:\\n\\t* parsing file _lakefs_actions/notes.md: 'name' is required: invalid action", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_refuses_when_a_bad_pattern_is_reached()
    {
        Write("_lakefs_actions/a.yaml", "name: Check\non:\n  pre-commit:\n    branches: [main, '[x']\n");
        Assert.Equal(0, (await Run("actions", "plan", "--event", "pre-commit", "--branch", "main")).ExitCode);
        var refused = await Run("actions", "plan", "--event", "pre-commit", "--branch", "dev");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("lakeFS would refuse the pre-commit (500, no run recorded): syntax error in pattern", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_and_plan_read_a_ref_from_the_server()
    {
        using var server = WireMockServer.Start();
        const string List = "/api/v1/repositories/repo/refs/main/objects/ls";
        server.Given(Request.Create().WithPath(List).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
            """{"pagination":{"has_more":false,"next_offset":"","results":2,"max_per_page":1000},"results":[{"path":"_lakefs_actions/check.yaml","path_type":"object","physical_address":"s3://b/x","checksum":"c","mtime":1753272000,"size_bytes":80},{"path":"_lakefs_actions/old/","path_type":"common_prefix","physical_address":"","checksum":"","mtime":0}]}"""));
        server.Given(Request.Create().WithPath("/api/v1/repositories/repo/refs/main/objects").WithParam("path", "_lakefs_actions/check.yaml").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(Valid));
        string[] Connect(params string[] args) => [.. args, "--repository", "repo", "--ref", "main", "--endpoint", server.Url!, "--access-key-id", "AKIAEXAMPLE", "--secret-access-key", "secret", "--max-retries", "0"];

        var validate = await Run(Connect("actions", "validate", "-o", "json"));
        Assert.Equal(1, validate.ExitCode);
        var line = Assert.Single(validate.JsonLines);
        Assert.Equal("_lakefs_actions/old/", line.GetProperty("file").GetString());
        Assert.Equal("LFA014", line.GetProperty("rule").GetString());

        var plan = await Run(Connect("actions", "plan", "--event", "pre-commit", "--branch", "main"));
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("(404): 1 error occurred:\\n\\t* loading file _lakefs_actions/old/: not found", plan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_exits_with_the_api_error_code()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/api/v1/repositories/repo/refs/nope/objects/ls").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("""{"message":"not found"}"""));
        var result = await Run("actions", "validate", "--repository", "repo", "--ref", "nope", "--endpoint", server.Url!, "--access-key-id", "AKIAEXAMPLE", "--secret-access-key", "secret");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_stay_json_on_GitHub_Actions()
    {
        _cli.Environment["GITHUB_ACTIONS"] = "true";
        Write("a.yaml", "name: x\non:\n  pre-commit:\n");
        var result = await Run("actions", "validate", "a.yaml", "-o", "json");
        Assert.Equal("LFA004", Assert.Single(result.JsonLines).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Several_paths_are_checked_and_a_huge_file_is_not_read()
    {
        Write("hooks/a.yaml", Valid);
        Write("one.yaml", "name: x\non:\n  pre-commit:\n");
        using (var big = File.Create(Path.Combine(_directory, "big.yaml")))
        {
            big.SetLength(100L * 1024 * 1024);
        }

        var result = await Run("actions", "validate", "hooks", "one.yaml", "big.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "one.yaml:1:7: error LFA004: 'name' is invalid: invalid action",
                "big.yaml:1:1: error LFA901: file is 104857600 bytes, over the limit of 4194304 bytes: not validated",
            ],
            result.StdoutLines);
        Assert.Contains("3 file(s) checked: 2 error(s), 0 warning(s).", result.Stderr, StringComparison.Ordinal);
    }
}
