using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenAgent.Api.Auth;
using GenAgent.Api.Rewards;
using GenAgent.Api.Sessions;
using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Quotas;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Rollouts;
using GenAgent.Workflow.Starting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GenAgent.Api.Rollouts;

/// <summary>
/// <c>POST /api/rollouts</c>: GRPO rollouts of the host's agent (the policy: the profile's OpenAI-compatible server) as
/// JSON lines, streamed while the batch runs. The first line (<c>"type": "batch"</c>) names the batch; each finished
/// group then sends its kept rollouts and its group line (<see cref="RolloutLines"/>); the last line is
/// <c>"type": "done"</c>, or <c>"type": "error"</c> when a rollout could not be run. The rollouts are sessions started
/// through the launcher under the host's caps, so on the Functions app they fan out across its workers; a client that
/// loses the stream posts again with the same <c>batch</c> (and the groups it has in <c>skip</c>): sessions that ran are
/// waited on and scored, never run again. 400 names the bad field, 501 a host without a judge.
/// </summary>
public static partial class RolloutsApi
{
    /// <summary>The most prompts one request may carry.</summary>
    public const int MaxPrompts = 1_024;

    public const string ContentType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapRolloutsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/rollouts", RunAsync).AddEndpointFilter<ApiKeyEndpointFilter>();
        return endpoints;
    }

    internal static async Task<IResult> RunAsync(
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] ApiOptions options,
        [FromServices] IEnumerable<IImageJudge> judges,
        [FromServices] ISessionAdmission admission,
        [FromServices] AgentProtocol? protocol,
        CancellationToken cancellationToken)
    {
        RolloutsBody body;
        RolloutPlan plan;
        string batch;
        try
        {
            body = await JsonBody.ReadAsync(request, ApiJsonContext.Default.RolloutsBody, cancellationToken);
            (plan, batch) = Plan(body, options.Rules);
        }
        catch (InvalidInputException invalid)
        {
            return ApiProblems.Fields(invalid.Errors);
        }
        if (judges.FirstOrDefault() is not { } judge) return RewardsApi.NoJudge();

        var runner = new RolloutRunner(engine, new SessionLauncher(engine, admission), store, new TrajectoryRewards(judge, weights: body.Weights), body.Concurrency);
        var policy = protocol ?? AgentProtocol.General;
        HashSet<int> skip = [.. body.Skip ?? []];
        return TypedResults.Stream(stream => StreamAsync(stream, batch, plan, skip, runner, policy, request.HttpContext.RequestAborted), ContentType);
    }

    private static async Task StreamAsync(Stream stream, string batch, RolloutPlan plan, IReadOnlySet<int> skip, RolloutRunner runner, AgentProtocol protocol, CancellationToken cancellationToken)
    {
        async Task WriteAsync(IEnumerable<string> lines)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines)), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        await WriteAsync([RolloutLines.Line(new JsonObject
        {
            ["type"] = "batch",
            ["batch"] = batch,
            ["prompts"] = plan.Requests.Count,
            ["group"] = plan.Group,
            ["keep"] = plan.Keep,
            ["seed"] = plan.Seed,
            ["skipped"] = skip.Count(p => p < plan.Requests.Count),
        })]);
        var clock = Stopwatch.StartNew();
        var groups = 0;
        try
        {
            await foreach (var group in runner.RunAsync(plan, skip, cancellationToken))
            {
                await WriteAsync(RolloutLines.Of(group, protocol));
                groups++;
            }
        }
        catch (RolloutFailedException failed)
        {
            // The status line went out with the first line; the reason goes in the stream.
            await WriteAsync([RolloutLines.Line(new JsonObject { ["type"] = "error", ["message"] = failed.Message, ["groups"] = groups })]);
            return;
        }
        await WriteAsync([RolloutLines.Line(new JsonObject
        {
            ["type"] = "done",
            ["rollouts"] = runner.Ran,
            ["groups"] = groups,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        })]);
    }

    /// <summary>
    /// The body checked with the one start rule (each prompt under its own field name) and the plan's limits, and the
    /// batch id the client resumes with. The sessions' ids also carry a fingerprint of the prompts and settings, so a
    /// resume that names the batch with another body runs its own rollouts instead of scoring another body's.
    /// </summary>
    private static (RolloutPlan Plan, string Batch) Plan(RolloutsBody body, StartRules rules)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];

        if (body.Prompts is not { Count: > 0 } prompts) Add("prompts", "prompts is required: one or more prompts, each run as a group.");
        else if (prompts.Count > MaxPrompts) Add("prompts", $"prompts holds {prompts.Count}; one request takes at most {MaxPrompts}.");
        foreach (var (field, message) in RolloutPlan.Problems(body.Group, body.Keep)) Add(field, message);
        if (body.Concurrency is < 1 or > RolloutPlan.MaxGroup) Add("concurrency", $"concurrency {body.Concurrency} must be between 1 and {RolloutPlan.MaxGroup}.");
        if (body.Batch is { } named && !BatchId().IsMatch(named)) Add("batch", "batch must be 1 to 32 lowercase letters, digits or dashes: the id an earlier answer's first line gave.");
        if (body.Skip is { } skip && skip.Any(p => p < 0)) Add("skip", "skip lists prompt indexes, which are 0 or more.");
        if (body.Weights is { } weights && RewardsApi.BadWeights(weights) is { } badWeights) Add("weights", badWeights);

        GenAgent.Core.Sessions.SessionOptions? checkedOptions = null;
        try
        {
            checkedOptions = rules.Options(body.Options);
        }
        catch (InvalidStartException invalid)
        {
            foreach (var (field, messages) in invalid.Errors) errors[field] = messages;
        }
        // The sampling is checked even when the options were not, so one answer names every problem.
        var (sampled, problems) = RolloutPlan.WithSampling(checkedOptions ?? rules.Defaults, body.Temperature, body.TopP);
        foreach (var problem in problems) Add(problem[..problem.IndexOf(' ', StringComparison.Ordinal)], problem);
        var sessionOptions = checkedOptions is null ? null : sampled;
        var requests = new List<SessionRequest>();
        for (var i = 0; i < (body.Prompts?.Count ?? 0) && i < MaxPrompts; i++)
        {
            try
            {
                requests.Add(new SessionRequest(rules.Prompt(body.Prompts![i], $"prompts[{i}]"), sessionOptions ?? rules.Defaults));
            }
            catch (InvalidStartException invalid)
            {
                foreach (var (field, messages) in invalid.Errors) errors[field] = messages;
            }
        }
        if (errors.Count > 0) throw new InvalidInputException(errors);
        // A new batch gets an id of its own, so it never finds the sessions of an earlier batch on the same task hub.
        var batch = body.Batch ?? Guid.NewGuid().ToString("N")[..12];
        var settings = string.Join('\n', requests.Select(r => r.Prompt)) + "\n" + JsonSerializer.Serialize(requests[0].Options, SessionJson.Default.SessionOptions)
            + $"\n{body.Group}|{body.Keep}|{body.Seed}";
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))[..8].ToLowerInvariant();
        return (new RolloutPlan($"{batch}-{fingerprint}", requests, body.Group, body.Keep, body.Seed), batch);
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex BatchId();
}
