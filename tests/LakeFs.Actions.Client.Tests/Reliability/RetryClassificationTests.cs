using Polly.Timeout;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Retry classification reads the operation's declaration: a request that is safe to repeat (GET, PUT,
/// DELETE) is retried after 5xx, timeouts and broken connections; a POST only when the server refused it
/// unread (420, 429) or the connection was never made, because otherwise the server may already have acted.
/// </summary>
public sealed class RetryClassificationTests
{
    private static readonly LakeFsOperation Get = new("getThing", HttpMethod.Get, "/things/{id}", LakeFsResultKind.Json);
    private static readonly LakeFsOperation Post = new("createThing", HttpMethod.Post, "/things", LakeFsResultKind.Json);

    public static TheoryData<string, bool, bool> Failures() => new()
    {
        // failure, retried for GET, retried for POST
        { "420", true, true },
        { "429", true, true },
        { "503", true, false },
        { "500", true, false },
        { "502", true, false },
        { "404", false, false },
        { "timeout", true, false },
        { "connection-refused", true, true },
        { "connection-reset", true, false },
        { "body-cut-off", true, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_refusals_before_the_server_acted_are_retried_for_a_POST(string failure, bool retriedForGet, bool retriedForPost)
    {
        Exception error = failure switch
        {
            "timeout" => new TimeoutRejectedException(),
            "connection-refused" => new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
            "connection-reset" => new HttpRequestException(HttpRequestError.ResponseEnded, "reset"),
            "body-cut-off" => new IOException("cut"),
            _ => new LakeFsApiException(int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture), "failed"),
        };

        Assert.Equal(retriedForGet, LakeFsRetryPipeline.IsTransient(error, Get, CancellationToken.None));
        Assert.Equal(retriedForPost, LakeFsRetryPipeline.IsTransient(error, Post, CancellationToken.None));
        Assert.True(Get.IsSafeToRepeat);
        Assert.False(Post.IsSafeToRepeat);
    }
}
