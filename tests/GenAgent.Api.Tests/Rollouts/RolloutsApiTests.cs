using System.Net;
using System.Text.Json.Nodes;

namespace GenAgent.Api.Tests.Rollouts;

/// <summary>
/// <c>POST /api/rollouts</c> over real HTTP: offline sessions at a sampling temperature, scored by the sketch judge,
/// streamed as JSON lines while the batch runs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RolloutsApiTests(ApiServer server)
{
    private const string Prompts = """["a photo of three red clocks on the left and a blue bus on the right", "a photo of a green apple"]""";

    [Fact]
    public async Task A_batch_streams_its_kept_rollouts_and_group_lines_between_a_batch_and_a_done_line()
    {
        var lines = await PostAsync($$$"""{"prompts": {{{Prompts}}}, "group": 4, "keep": 2, "seed": 7, "temperature": 1, "options": {"maxImages": 3}}""");

        Assert.Equal("batch", lines[0]["type"]!.GetValue<string>());
        Assert.Equal(2, lines[0]["prompts"]!.GetValue<int>());
        Assert.Equal("done", lines[^1]["type"]!.GetValue<string>());
        Assert.Equal(8, lines[^1]["rollouts"]!.GetValue<int>());
        var groups = lines.Where(l => l["type"]!.GetValue<string>() == "group").ToList();
        Assert.Equal([0, 1], groups.Select(g => g["promptIndex"]!.GetValue<int>()).Order());
        foreach (var group in groups)
        {
            var index = group["promptIndex"]!.GetValue<int>();
            Assert.Equal(4, group["rollouts"]!.AsArray().Count);
            var kept = group["kept"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
            Assert.Equal(2, kept.Count);
            Assert.Subset(group["rollouts"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(), kept.ToHashSet());

            // Each kept rollout comes before its group's line, with the messages the policy saw and its images.
            var rollouts = lines.TakeWhile(l => l != group).Where(l => l["type"]!.GetValue<string>() == "rollout" && l["promptIndex"]!.GetValue<int>() == index).ToList();
            Assert.Equal(kept, rollouts.Select(r => r["rolloutId"]!.GetValue<string>()));
            foreach (var rollout in rollouts)
            {
                var messages = rollout["messages"]!.AsArray();
                Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
                Assert.Contains(messages, m => m!["role"]!.GetValue<string>() == "assistant");
                Assert.NotEmpty(rollout["images"]!.AsArray());
                Assert.InRange(rollout["reward"]!["total"]!.GetValue<double>(), -1, 1);
            }
            // Group-relative advantages sum to zero.
            Assert.Equal(0, rollouts.Sum(r => r["advantage"]!.GetValue<double>()), 6);
        }
    }

    [Fact]
    public async Task The_same_batch_posted_again_skips_the_groups_it_names_and_runs_no_session_twice()
    {
        var first = await PostAsync($$"""{"prompts": {{Prompts}}, "group": 3, "keep": 2, "temperature": 1}""");
        var batch = first[0]["batch"]!.GetValue<string>();
        var group1 = first.Single(l => l["type"]!.GetValue<string>() == "group" && l["promptIndex"]!.GetValue<int>() == 1);
        var ids = group1["rollouts"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var endedBefore = await EndedAtAsync(ids);

        var again = await PostAsync($$"""{"prompts": {{Prompts}}, "group": 3, "keep": 2, "temperature": 1, "batch": "{{batch}}", "skip": [0]}""");

        Assert.Equal(1, again[0]["skipped"]!.GetValue<int>());
        Assert.DoesNotContain(again, l => l["promptIndex"]?.GetValue<int>() == 0);
        var rerun = again.Single(l => l["type"]!.GetValue<string>() == "group");
        Assert.Equal(group1.ToJsonString(), rerun.ToJsonString());
        // The sessions were waited on, not run again: each ended when it first did.
        Assert.Equal(endedBefore, await EndedAtAsync(ids));
    }

    [Fact]
    public async Task A_batch_named_with_other_settings_runs_its_own_rollouts_not_the_first_ones()
    {
        var first = await PostAsync("""{"prompts": ["a photo of a green apple"], "group": 2, "keep": 2, "temperature": 1}""");
        var batch = first[0]["batch"]!.GetValue<string>();

        var other = await PostAsync($$"""{"prompts": ["a photo of a red apple"], "group": 2, "keep": 2, "temperature": 1, "batch": "{{batch}}"}""");

        Assert.Equal(batch, other[0]["batch"]!.GetValue<string>());
        var ids = (List<JsonObject> lines) => lines.Where(l => l["type"]!.GetValue<string>() == "rollout").Select(l => l["rolloutId"]!.GetValue<string>()).ToHashSet();
        Assert.Empty(ids(first).Intersect(ids(other)));
        Assert.All(other.Where(l => l["type"]!.GetValue<string>() == "rollout"), l => Assert.Equal("a photo of a red apple", l["prompt"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{}""", "prompts")]
    [InlineData("""{"prompts": []}""", "prompts")]
    [InlineData("""{"prompts": ["a cat", "  "]}""", "prompts[1]")]
    [InlineData("""{"prompts": ["a cat"], "group": 0}""", "group")]
    [InlineData("""{"prompts": ["a cat"], "group": 4, "keep": 5}""", "keep")]
    [InlineData("""{"prompts": ["a cat"], "temperature": 3}""", "temperature")]
    [InlineData("""{"prompts": ["a cat"], "concurrency": 0}""", "concurrency")]
    [InlineData("""{"prompts": ["a cat"], "topP": 0}""", "topP")]
    [InlineData("""{"prompts": ["a cat"], "batch": "Not A Batch!"}""", "batch")]
    [InlineData("""{"prompts": ["a cat"], "skip": [-1]}""", "skip")]
    [InlineData("""{"prompts": ["a cat"], "options": {"effort": "huge"}}""", "options.effort")]
    [InlineData("""{"prompts": ["a cat"], "policy": "x"}""", "policy")]
    public async Task Bad_requests_are_refused_before_anything_runs_naming_the_field(string body, string field)
    {
        using var response = await server.Judged.PostJsonAsync("/api/rollouts", body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey(field), text);
    }

    [Fact]
    public async Task A_host_without_a_judge_says_so()
    {
        using var response = await server.Open.PostJsonAsync("/api/rollouts", """{"prompts": ["a cat"]}""");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    private async Task<List<JsonObject>> PostAsync(string body)
    {
        using var response = await server.Judged.PostJsonAsync("/api/rollouts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    private async Task<List<DateTimeOffset?>> EndedAtAsync(IEnumerable<string> ids)
    {
        var ended = new List<DateTimeOffset?>();
        foreach (var id in ids) ended.Add((await server.Engine.GetAsync(id))!.Trajectory!.EndedAt);
        return ended;
    }
}
