using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Rollouts;

/// <summary>
/// A batch of GRPO rollouts: <see cref="Group"/> sessions for each prompt, <see cref="Keep"/> of them kept. The ids are
/// fixed by the batch, the prompt and the index, so running the same plan again (a resumed batch) finds the sessions it
/// already ran on a durable engine instead of running them again.
/// </summary>
/// <param name="Batch">The batch id: new for every batch, so a later batch on the same task hub never finds an older one's sessions.</param>
/// <param name="Requests">One checked request per prompt, in the prompts' order.</param>
/// <param name="Seed">Seeds every rollout's tool calls and the resampling.</param>
public sealed record RolloutPlan(string Batch, IReadOnlyList<SessionRequest> Requests, int Group, int Keep, int Seed)
{
    /// <summary>The most a group may hold, and the most a batch may run at once.</summary>
    public const int MaxGroup = 256;

    /// <summary>The rule for group and keep, one message per problem; empty when the plan is usable.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(int group, int keep)
    {
        var problems = new List<(string, string)>();
        if (group is < 1 or > MaxGroup) problems.Add(("group", $"group {group} must be between 1 and {MaxGroup}."));
        else if (keep < 1 || keep > group) problems.Add(("keep", $"keep {keep} must be between 1 and group ({group})."));
        return problems;
    }

    /// <summary>
    /// The policy's sampling (null keeps what <paramref name="options"/> has) put on a prompt's options and checked by
    /// the options' own rule; each problem starts with the field it is about (<c>temperature</c>, <c>topP</c>).
    /// </summary>
    public static (SessionOptions Options, IReadOnlyList<string> Problems) WithSampling(SessionOptions options, float? temperature, float? topP)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sampled = options with { Temperature = temperature ?? options.Temperature, TopP = topP ?? options.TopP };
        return (sampled, [.. sampled.Validate().Where(p => p.StartsWith("temperature ", StringComparison.Ordinal) || p.StartsWith("topP ", StringComparison.Ordinal))]);
    }

    /// <summary>The session id of a rollout; a failed session is run again under the next attempt's id.</summary>
    public string RolloutId(int promptIndex, int index, int attempt) =>
        $"rollout-{Batch}-{promptIndex:D5}-{index:D3}" + (attempt == 0 ? "" : $"-retry{attempt}");

    /// <summary>The rollout's request: the prompt's, with a seed of its own so the group's tool calls differ.</summary>
    public SessionRequest RequestOf(int promptIndex, int index)
    {
        var request = Requests[promptIndex];
        return request with { Options = request.Options with { Seed = request.Options.Seed with { Base = ((long)Seed * 1_000_003) + (promptIndex * 1_009L) + index } } };
    }
}
