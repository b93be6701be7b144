using GenAgent.Core.Quotas;
using GenAgent.Api;
using GenAgent.Api.Auth;
using GenAgent.Api.Sessions;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Functions.Engine;
using GenAgent.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Functions;

/// <summary>
/// The session HTTP API as HTTP triggers: each one hands the request to the same handler <c>genagent serve</c> maps, over
/// an engine made from the invocation's durable client. Function keys guard the API routes (authorization level
/// Function). The report page and images are what a browser opens from a link (the API's image URLs, Discord's
/// Trajectory button), which cannot carry a function key: they are anonymous to the host and need a link signed with
/// <c>GenAgent:Api:ApiKey</c> (or that key in a header) instead. host.json clears the route prefix so the routes match
/// the self-host's exactly.
/// </summary>
/// <param name="services">The invocation's services; the image reader is internal to the API, so it cannot be a constructor parameter of a public class.</param>
public sealed class SessionHttpFunctions(IImageStore store, ApiOptions options, WorkflowOptions workflow, IServiceProvider services)
{
    [Function("CreateSession")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/sessions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await SessionsApi.CreateAsync(
            request, Engine(client), store, options, services.GetRequiredService<InputImageReader>(),
            services.GetRequiredService<ISessionAdmission>(), cancellationToken);

    [Function("ScoreRewards")]
    public async Task<IResult> ScoreRewardsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/rewards")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await GenAgent.Api.Rewards.RewardsApi.ScoreAsync(request, Engine(client), store, services.GetServices<IImageJudge>(), cancellationToken);

    /// <summary>
    /// The rollouts stream; each rollout is an orchestration, so the task hub's workers share them. A consumption plan
    /// ends an HTTP response after 230 s: a longer batch is posted again with its batch id and the groups it has.
    /// </summary>
    [Function("RunRollouts")]
    public async Task<IResult> RunRolloutsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/rollouts")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await GenAgent.Api.Rollouts.RolloutsApi.RunAsync(
            request, Engine(client), store, options, services.GetServices<IImageJudge>(), services.GetRequiredService<ISessionAdmission>(),
            services.GetService<AgentProtocol>(), cancellationToken);

    [Function("GetSession")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/sessions/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await SessionsApi.GetAsync(id, request, Engine(client), store, options, cancellationToken);

    [Function("GetSessionTrajectory")]
    public async Task<IResult> GetTrajectoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/sessions/{id}/trajectory")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await SessionsApi.GetTrajectoryAsync(id, Engine(client), store, cancellationToken);

    [Function("GetSessionImage")]
    public async Task<IResult> GetImageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sessions/{id}/images/{*name}")] HttpRequest request,
        string id,
        string name,
        CancellationToken cancellationToken) =>
        SignedLinkProblem(request) ?? await SessionsApi.GetImageAsync(id, name, store, cancellationToken);

    [Function("SendSessionMessage")]
    public async Task<IResult> SendMessageAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/sessions/{id}/messages")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await SessionsApi.SendMessageAsync(id, request, Engine(client), store, options, cancellationToken);

    [Function("CancelSession")]
    public async Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/sessions/{id}/cancel")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await SessionsApi.CancelAsync(id, request, Engine(client), store, options, cancellationToken);

    [Function("GetSessionReport")]
    public async Task<IResult> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        SignedLinkProblem(request) ?? await SessionsApi.GetReportAsync(id, request, Engine(client), store, options, cancellationToken);

    private DurableFunctionsSessionEngine Engine(DurableTaskClient client) => new(client, workflow);

    /// <summary>
    /// Null when the request may read: a signed link or the key. Without a configured key the anonymous routes stay
    /// closed, as nothing could sign for them.
    /// </summary>
    private IResult? SignedLinkProblem(HttpRequest request)
    {
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.",
                detail: "Report pages and images open with signed links: set GenAgent__Api__ApiKey on the app to sign them.");
        }
        return ApiKeyEndpointFilter.Admits(request, options.ApiKey) ? null : ApiProblems.Unauthorized();
    }
}
