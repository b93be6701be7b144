using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Quotas;
using GenAgent.Workflow.Starting;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GenAgent.Api.Sessions;

public static partial class SessionsApi
{
    /// <summary>The header a fronting service sets to name its end user, when the caller is not authenticated itself.</summary>
    public const string UserHeader = "X-GenAgent-User";

    /// <summary>
    /// <c>POST /api/sessions</c>: validates, takes an admission slot (429 over quota, 503 with the kill switch on), stores
    /// the input image, starts the session; 202 with where to poll.
    /// </summary>
    internal static async Task<Results<Accepted<SessionCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] ApiOptions options,
        [FromServices] InputImageReader images,
        [FromServices] ISessionAdmission admission,
        CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonBody.ReadAsync(request, ApiJsonContext.Default.CreateSessionBody, cancellationToken);
            var checkedRequest = Checked(options.Rules, body.Prompt, body.Options);
            var id = SessionId(body.IdempotencyKey);

            // A retried POST must not overwrite the first one's input image nor start anything: the launcher starts
            // nothing for an id that exists, and stores the image only once the slot is held.
            var launched = await new SessionLauncher(engine, admission).LaunchAsync(
                id,
                UserOf(request),
                async ct => checkedRequest with { InputImage = body.Image is null ? null : await images.StoreAsync(body.Image, id, store, ct) },
                freshId: body.IdempotencyKey is null,
                cancellationToken: cancellationToken);
            if (launched.Refusal is { } refused) return ApiProblems.OverQuota(refused);

            return AcceptedFor(request, store, options, id);
        }
        catch (InvalidInputException invalid) when (invalid.TooLarge)
        {
            return ApiProblems.TooLarge(invalid.Errors);
        }
        catch (InvalidInputException invalid)
        {
            return ApiProblems.Fields(invalid.Errors);
        }
    }

    private static string? UserOf(HttpRequest request) =>
        request.HttpContext.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : request.Headers[UserHeader].FirstOrDefault() is { Length: > 0 } header ? header : null;

    private static SessionRequest Checked(StartRules rules, string? prompt, StartOptions? requested)
    {
        try
        {
            return rules.Check(prompt, requested);
        }
        catch (InvalidStartException invalid)
        {
            throw new InvalidInputException(invalid.Errors);
        }
    }

    /// <summary>A follow-up message: the prompt rule, under the body's own field name.</summary>
    private static string ValidText(string? text, ApiOptions options)
    {
        try
        {
            return options.Rules.Prompt(text, "text");
        }
        catch (InvalidStartException invalid)
        {
            throw new InvalidInputException(invalid.Errors);
        }
    }

    private static string SessionId(string? idempotencyKey)
    {
        if (idempotencyKey is null) return SessionIds.New();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > ApiLimits.MaxIdempotencyKeyLength)
            throw new InvalidInputException("idempotencyKey", $"idempotencyKey must be 1 to {ApiLimits.MaxIdempotencyKeyLength} characters.");
        return SessionIds.FromIdempotencyKey(idempotencyKey);
    }
}
