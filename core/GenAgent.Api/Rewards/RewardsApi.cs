using System.ComponentModel.DataAnnotations;
using GenAgent.Api.Auth;
using GenAgent.Api.Sessions;
using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Training;
using GenAgent.Core.Training.Rewards;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GenAgent.Api.Rewards;

/// <summary>
/// <c>POST /api/rewards</c>: the RL reward of an ended session (<see cref="TrajectoryRewards"/>), judged by the host's
/// <see cref="IImageJudge"/> from the images in the store. 400 names the bad field, 404 an unknown session or a missing
/// image, 409 one that still runs, 422 one that ended without a trajectory, 501 a host without a judge.
/// </summary>
public static class RewardsApi
{
    public static IEndpointRouteBuilder MapRewardsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/rewards", ScoreAsync).AddEndpointFilter<ApiKeyEndpointFilter>();
        return endpoints;
    }

    internal static async Task<Results<JsonHttpResult<RewardBreakdown>, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] IEnumerable<IImageJudge> judges,
        CancellationToken cancellationToken)
    {
        RewardBody body;
        try
        {
            body = await JsonBody.ReadAsync(request, ApiJsonContext.Default.RewardBody, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            return ApiProblems.Fields(invalid.Errors);
        }
        if (string.IsNullOrWhiteSpace(body.SessionId)) return ApiProblems.Field("sessionId", "sessionId is required: the ended session to score.");
        if (body.Weights is { } weights && BadWeights(weights) is { } problem) return ApiProblems.Field("weights", problem);
        if (judges.FirstOrDefault() is not { } judge) return NoJudge();

        var view = await SessionView.LoadAsync(body.SessionId, engine, store, cancellationToken);
        if (view is null) return ApiProblems.UnknownSession(body.SessionId);
        if (!view.Snapshot.IsTerminal)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The session is still running.", detail: $"Session '{body.SessionId}' has not ended; score it once it has.");
        if (view.Trajectory is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing to score.", detail: $"Session '{body.SessionId}' ended without a trajectory.");

        try
        {
            var reward = await new TrajectoryRewards(judge, weights: body.Weights)
                .ScoreAsync(view.Trajectory, (image, ct) => store.TryGetAsync(image.Key, ct), cancellationToken: cancellationToken);
            return TypedResults.Json(reward, ApiJsonContext.Default.RewardBreakdown);
        }
        catch (MissingTrajectoryImageException missing)
        {
            return ApiProblems.NotFound(missing.Message);
        }
    }

    /// <summary>501: rewards need an image judge, which this host was not given.</summary>
    internal static ProblemHttpResult NoJudge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "No judge.", detail: "This host has no image judge configured, so it cannot score rewards.");

    internal static string? BadWeights(RewardWeights weights)
    {
        var problems = new List<ValidationResult>();
        return Validator.TryValidateObject(weights, new ValidationContext(weights), problems, validateAllProperties: true)
            ? null
            : "weights must be numbers between -10 and 10 (pointwise, pairwise, format).";
    }
}
