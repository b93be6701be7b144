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
            var prompt = ValidPrompt(body.Prompt, "prompt", options);
            var sessionOptions = ToOptions(body.Options, options.SessionDefaults, options.AvailableTools);
            var id = SessionId(body.IdempotencyKey);

            // A retried POST must not overwrite the first one's input image nor start anything: the launcher starts
            // nothing for an id that exists, and stores the image only once the slot is held.
            var launched = await new SessionLauncher(engine, admission).LaunchAsync(
                id,
                UserOf(request),
                async ct => new SessionRequest(prompt, sessionOptions, body.Image is null ? null : await images.StoreAsync(body.Image, id, store, ct)),
                cancellationToken);
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

    private static string ValidPrompt(string? text, string field, ApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidInputException(field, $"{field} is required.");
        if (text.Length > options.MaxPromptLength)
            throw new InvalidInputException(field, $"{field} is {text.Length} characters; the limit is {options.MaxPromptLength}.");
        return text;
    }

    private static string SessionId(string? idempotencyKey)
    {
        if (idempotencyKey is null) return SessionIds.New();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > ApiLimits.MaxIdempotencyKeyLength)
            throw new InvalidInputException("idempotencyKey", $"idempotencyKey must be 1 to {ApiLimits.MaxIdempotencyKeyLength} characters.");
        return SessionIds.FromIdempotencyKey(idempotencyKey);
    }

    private static SessionOptions ToOptions(SessionOptionsBody? body, SessionOptions serverDefaults, IReadOnlyList<string> availableTools)
    {
        var defaults = serverDefaults with { Tools = availableTools };
        if (body is null) return defaults;
        if (body.Tools?.FirstOrDefault(t => ToolNames.IsKnown(t) && !availableTools.Contains(t)) is { } missing)
            throw new InvalidInputException("options.tools", $"This server has no backend for {missing}; available: {string.Join(", ", availableTools)}.");
        var options = defaults with
        {
            MaxImages = body.MaxImages ?? defaults.MaxImages,
            MaxTurns = body.MaxTurns ?? defaults.MaxTurns,
            Width = body.Width ?? defaults.Width,
            Height = body.Height ?? defaults.Height,
            Tools = body.Tools ?? defaults.Tools,
            Effort = body.Effort is null ? defaults.Effort : ParseEffort(body.Effort),
            Seed = body.Seed is { } seed ? defaults.Seed with { Base = seed } : defaults.Seed,
            Candidates = body.Candidates ?? defaults.Candidates,
            FollowUpWindowSeconds = body.FollowUpWindowSeconds ?? defaults.FollowUpWindowSeconds,
            CandidateTemperature = body.CandidateTemperature ?? defaults.CandidateTemperature,
            Fallback = body.Fallback ?? defaults.Fallback,
        };
        var problems = options.Validate();
        if (problems.Count == 0) return options;
        // Validate() starts each message with the field it is about ("maxImages must be ...", "tools: unknown ...").
        var errors = problems
            .GroupBy(p => "options." + new string(p.TakeWhile(char.IsAsciiLetterOrDigit).ToArray()), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        throw new InvalidInputException(errors);
    }

    private static Effort ParseEffort(string text) =>
        EnumNames.TryParse<Effort>(text, out var effort)
            ? effort
            : throw new InvalidInputException("options.effort", $"options.effort must be {EnumNames.Choices<Effort>()}.");
}
