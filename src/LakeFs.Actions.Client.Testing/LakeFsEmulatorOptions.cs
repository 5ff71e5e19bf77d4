using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Testing;

/// <summary>Settings for <see cref="LakeFsActionsEmulator.StartAsync"/>.</summary>
public sealed class LakeFsEmulatorOptions
{
    /// <summary>The demo access key id used when none is set (the well-known AWS documentation example).</summary>
    public const string DemoAccessKeyId = "AKIAIOSFODNN7EXAMPLE";

    /// <summary>The demo secret access key used when none is set (the well-known AWS documentation example).</summary>
    public const string DemoSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>The user name the emulator acts as when none is set.</summary>
    public const string DefaultUserName = "admin";

    /// <summary>Access key id accepted with HTTP Basic authentication. Defaults to <see cref="DemoAccessKeyId"/>.</summary>
    public string AccessKeyId { get; set; } = DemoAccessKeyId;

    /// <summary>Secret access key accepted with HTTP Basic authentication. Defaults to <see cref="DemoSecretAccessKey"/>.</summary>
    public string SecretAccessKey { get; set; } = DemoSecretAccessKey;

    /// <summary>Token accepted with <c>Authorization: Bearer</c>; null (the default) accepts no bearer token.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// When true (the default) every API request must authenticate, otherwise the emulator answers
    /// 401 <c>{"message":"error authenticating request"}</c> like lakeFS does.
    /// </summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>
    /// Clock for run ids, default run times, repository creation dates, commit and object times, hook start and end times, hook timeouts (a webhook's <c>timeout</c>, airflow polling), dump and restore tasks and injected latency. Defaults to <see cref="TimeProvider.System"/>;
    /// tests pass a <c>FakeTimeProvider</c> to make latency virtual.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Logger factory for Kestrel and ASP.NET Core. Null (the default) keeps the emulator silent.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Blockstore type of the emulated server, e.g. <c>local</c> (the default), <c>mem</c>, <c>s3</c>, <c>gs</c>
    /// or <c>azure</c>. <c>POST /api/v1/repositories</c> answers 400 <c>invalid namespace</c> for a storage namespace
    /// whose scheme is not this type, as lakeFS does (the emulator's default namespaces are <c>local://</c>).
    /// </summary>
    public string BlockstoreType { get; set; } = "local";

    /// <summary>
    /// How long a dump or restore task takes on <see cref="TimeProvider"/>: its three steps end at a third, two
    /// thirds and all of it after the submit. Defaults to one second; zero ends a task when it is submitted.
    /// </summary>
    public TimeSpan TaskDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many received requests <see cref="LakeFsActionsEmulator.ReceivedRequests"/> keeps (the newest). Defaults to 1000.</summary>
    public int RequestLogCapacity { get; set; } = 1000;

    /// <summary>
    /// Name of the user the emulator treats every request as coming from: the committer of commits and merges (lakeFS
    /// writes the user's email if set, else the user name). Defaults to <see cref="DefaultUserName"/>.
    /// </summary>
    public string UserName { get; set; } = DefaultUserName;

    /// <summary>
    /// Whether operations run the actions under <c>_lakefs_actions/</c> (lakeFS's <c>actions.enabled</c>). True by default,
    /// as in lakeFS; when false no hook runs and no run is recorded.
    /// </summary>
    public bool ActionsEnabled { get; set; } = true;

    /// <summary>
    /// Values for <c>{{ ENV.NAME }}</c> in hook properties, looked up before the process environment. Names still need
    /// lakeFS's <c>LAKEFSACTION_</c> prefix: a name without it becomes an empty value, as in lakeFS. Null (the default)
    /// reads the process environment only.
    /// </summary>
    public Func<string, string?>? ActionsEnvironment { get; set; }
}
