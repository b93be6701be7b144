using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Sessions.Tests.Flow;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Interactions;

/// <summary>
/// 2,000 seeded malformed interactions, each validly signed (so parsing, routing and option reading are what is
/// exercised) or with broken signature headers: every answer is below 500, and the endpoint still answers a PING.
/// </summary>
[Collection(DiscordCollection.Name)]
public sealed class InteractionFuzzTests(DiscordServer server)
{
    private const int Requests = 2000;

    [Fact]
    public async Task No_malformed_interaction_gets_a_5xx()
    {
        var mutator = new BodyMutator(424242);
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            // Fresh interaction ids, so the replay guard does not answer the mutations as repeats.
            string[] bases =
            [
                Flow.Interactions.Ping().ToJsonString(),
                Flow.Interactions.Imagine("1500000000000000999", "a photo of a red bus").ToJsonString(),
                Flow.Interactions.Button(CustomIds.Format(ButtonAction.AnotherRound, "s-unknown"), "1500000000000000999").ToJsonString(),
            ];
            var body = mutator.Mutate(mutator.Pick(bases));
            var headers = new Dictionary<string, string>(server.Keys.Headers(body));
            if (mutator.Random.Next(10) == 0) headers[TestKeys.SignatureHeader] = mutator.HostileHeader();
            if (mutator.Random.Next(10) == 0) headers[TestKeys.TimestampHeader] = mutator.HostileHeader();

            var status = await server.SendRawAsync(body, headers);
            if (status >= 500) failures.Add($"#{i} -> {status}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        Assert.Empty(failures);
        var (pong, _) = await server.SendAsync(Flow.Interactions.Ping());
        Assert.Equal(200, pong);
    }
}
