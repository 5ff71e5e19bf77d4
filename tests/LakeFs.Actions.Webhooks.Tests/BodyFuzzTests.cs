using System.Net;
using System.Text;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

/// <summary>Damaged bodies (cut, bytes flipped, invalid UTF-8, odd tokens): a parse either succeeds or is a FormatException, and the endpoint answers 200 or 400, never 500.</summary>
public sealed class BodyFuzzTests
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(LakeFsPayloads.For("pre-merge").ToJson());

    private static IEnumerable<byte[]> Mutations(int seed, int count)
    {
        var random = new Random(seed);
        byte[] specials = [0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0xC3, 0xFF, 0xED, 0xA0, 0x80];
        for (var i = 0; i < count; i++)
        {
            var body = (byte[])Valid.Clone();
            switch (i % 4)
            {
                case 0:
                    body = body[..random.Next(body.Length)];
                    break;
                case 1:
                    body[random.Next(body.Length)] = specials[random.Next(specials.Length)];
                    break;
                case 2:
                    for (var j = 0; j < 5; j++)
                    {
                        body[random.Next(body.Length)] = (byte)random.Next(256);
                    }

                    break;
                default:
                    var at = random.Next(body.Length);
                    body = [.. body[..at], .. specials[..random.Next(1, specials.Length)], .. body[at..]];
                    break;
            }

            yield return body;
        }
    }

    [Fact]
    public void Every_damaged_body_parses_or_is_a_format_exception()
    {
        foreach (var body in Mutations(seed: 20260723, count: 5000))
        {
            try
            {
                _ = LakeFsEvent.Parse(body);
            }
            catch (FormatException error)
            {
                Assert.StartsWith("The body is not a lakeFS event", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_endpoint_answers_damaged_bodies_with_200_or_400_never_500()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()));

        foreach (var body in Mutations(seed: 7, count: 200))
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await server.Client.PostAsync(WebhookServer.Route, content);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode} for {Convert.ToHexString(body)}");
        }

        Assert.Empty(server.Logs.Webhook(5));
    }
}
