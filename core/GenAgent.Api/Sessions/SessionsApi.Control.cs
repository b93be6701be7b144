using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GenAgent.Api.Sessions;

public static partial class SessionsApi
{
    /// <summary><c>POST /api/sessions/{id}/messages</c>: a follow-up ("make it snowy"); the session continues with a new episode.</summary>
    internal static async Task<Results<Accepted<SessionCreated>, ValidationProblem, ProblemHttpResult>> SendMessageAsync(
        string id,
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] ApiOptions options,
        CancellationToken cancellationToken)
    {
        var snapshot = SessionIds.IsWellFormed(id) ? await engine.GetAsync(id, cancellationToken) : null;
        if (snapshot is null) return ApiProblems.UnknownSession(id);
        string text;
        try
        {
            var body = await JsonBody.ReadAsync(request, ApiJsonContext.Default.FollowUpBody, cancellationToken);
            text = ValidText(body.Text, options);
        }
        catch (InvalidInputException invalid) when (invalid.TooLarge)
        {
            return ApiProblems.TooLarge(invalid.Errors);
        }
        catch (InvalidInputException invalid)
        {
            return ApiProblems.Fields(invalid.Errors);
        }

        if (snapshot.IsTerminal) return ApiProblems.Ended(id, StatusMapper.Name(snapshot.Status));
        await engine.SendFollowUpAsync(id, text, cancellationToken);
        return AcceptedFor(request, store, options, id);
    }

    /// <summary>202 with where to poll the session: the answer to every request that starts or steers one.</summary>
    private static Accepted<SessionCreated> AcceptedFor(HttpRequest request, IImageStore store, ApiOptions options, string id)
    {
        var links = new ImageLinks(request, store, id, options.ApiKey);
        return TypedResults.Accepted(links.SessionUrl, new SessionCreated(id, links.SessionUrl));
    }

    /// <summary><c>POST /api/sessions/{id}/cancel</c>: the session stops after its current step and keeps its last good image.</summary>
    internal static async Task<Results<Accepted<SessionCreated>, ProblemHttpResult>> CancelAsync(
        string id,
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] ApiOptions options,
        CancellationToken cancellationToken)
    {
        var snapshot = SessionIds.IsWellFormed(id) ? await engine.GetAsync(id, cancellationToken) : null;
        if (snapshot is null) return ApiProblems.UnknownSession(id);
        if (snapshot.IsTerminal) return ApiProblems.Ended(id, StatusMapper.Name(snapshot.Status));
        await engine.CancelAsync(id, cancellationToken);
        return AcceptedFor(request, store, options, id);
    }
}
