using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;

namespace GenAgent.Workflow.Rollouts;

/// <summary>
/// The JSONL a trainer reads, one shape for the CLI's files (rollouts.jsonl, groups.jsonl) and the API's stream: a
/// <c>"type": "rollout"</c> line per kept rollout (the messages as the policy saw them, image references, the reward
/// parts, the advantage, and each model turn as generated with its token ids and log-probabilities where the server
/// returned them), then a <c>"type": "group"</c> line with the group's statistics, which marks the group complete.
/// </summary>
public static class RolloutLines
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The group's kept rollouts and then its summary, each a line ending in a newline.</summary>
    public static IEnumerable<string> Of(RolloutGroup group, AgentProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(group);
        for (var i = 0; i < group.Kept.Count; i++) yield return Line(Rollout(group.Kept[i], group.Prompt, group.Statistics.Advantages[i], protocol));
        yield return Line(Group(group));
    }

    public static string Line(JsonNode node) => node.ToJsonString(Compact) + "\n";

    public static JsonObject Group(RolloutGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new JsonObject
        {
            ["type"] = "group",
            ["promptIndex"] = group.PromptIndex,
            ["prompt"] = group.Prompt,
            ["rollouts"] = Ids(group.All),
            ["kept"] = Ids(group.Kept),
            ["mean"] = group.Statistics.Mean,
            ["std"] = group.Statistics.Std,
            ["min"] = group.Statistics.Min,
            ["max"] = group.Statistics.Max,
            ["lengths"] = Histogram(group.All.Select(r => r.Length)),
            ["keptLengths"] = Histogram(group.Kept.Select(r => r.Length)),
        };
    }

    /// <summary>One kept rollout: the messages as sent to the policy, its images, reward and advantage.</summary>
    public static JsonObject Rollout(RolloutResult rollout, string prompt, double advantage, AgentProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var messages = new JsonArray();
        var images = new JsonArray();
        foreach (var message in TrajectoryConversation.Of(rollout.Trajectory, protocol))
        {
            var content = new JsonArray();
            foreach (var part in message.Parts)
            {
                if (part.Image is { } image)
                {
                    content.Add(new JsonObject { ["type"] = "image", ["key"] = image.Key });
                    images.Add(image.Key);
                }
                else
                {
                    content.Add(new JsonObject { ["type"] = "text", ["text"] = part.Text });
                }
            }
            messages.Add(new JsonObject { ["role"] = message.Role, ["content"] = content });
        }
        return new JsonObject
        {
            ["type"] = "rollout",
            ["promptIndex"] = rollout.PromptIndex,
            ["prompt"] = prompt,
            ["rolloutId"] = rollout.Id,
            ["length"] = rollout.Length,
            ["outcome"] = rollout.Trajectory.Outcome?.Kind.ToString(),
            ["reward"] = new JsonObject
            {
                ["total"] = rollout.Reward.Total,
                ["pointwise"] = rollout.Reward.Pointwise,
                ["pairwise"] = rollout.Reward.Pairwise,
                ["formatViolation"] = rollout.Reward.FormatViolation,
            },
            ["advantage"] = advantage,
            ["messages"] = messages,
            ["images"] = images,
            ["turns"] = Turns(rollout),
        };
    }

    /// <summary>
    /// The first episode's model turns as generated: the raw reply (a message above may hold a shorter history form of
    /// it), and its token ids and log-probabilities when the agent asked the server for them (GenAgent:Agent:Logprobs).
    /// </summary>
    private static JsonArray Turns(RolloutResult rollout)
    {
        var turns = new JsonArray();
        foreach (var turn in TrajectoryConversation.FirstEpisodeLastAttempt(rollout.Trajectory).Where(t => t.RawText is not null))
        {
            turns.Add(new JsonObject
            {
                ["index"] = turn.Index,
                ["kind"] = turn.Kind.ToString(),
                ["text"] = turn.RawText,
                ["tokenIds"] = turn.Sampled?.TokenIds is { } ids ? new JsonArray([.. ids.Select(i => JsonValue.Create(i))]) : null,
                ["tokens"] = turn.Sampled?.Tokens is { } tokens ? new JsonArray([.. tokens.Select(t => JsonValue.Create(t))]) : null,
                ["logprobs"] = turn.Sampled is { } sampled ? new JsonArray([.. sampled.Logprobs.Select(l => JsonValue.Create(l))]) : null,
            });
        }
        return turns;
    }

    /// <summary>A group line's lengths as a histogram, for a printed summary.</summary>
    public static string Summary(JsonNode group) =>
        $"prompt {group["promptIndex"]}: reward mean {group["mean"]!.GetValue<double>():0.###} std {group["std"]!.GetValue<double>():0.###} " +
        $"[{group["min"]!.GetValue<double>():0.###}, {group["max"]!.GetValue<double>():0.###}]; lengths {group["lengths"]!.ToJsonString()} kept {group["keptLengths"]!.ToJsonString()}";

    private static JsonArray Ids(IEnumerable<RolloutResult> rollouts) => [.. rollouts.Select(r => JsonValue.Create(r.Id))];

    private static JsonObject Histogram(IEnumerable<int> lengths)
    {
        var histogram = new JsonObject();
        foreach (var group in lengths.GroupBy(l => l).OrderBy(g => g.Key)) histogram[$"{group.Key}"] = group.Count();
        return histogram;
    }
}
