using System.Diagnostics;
using System.Text.Json;
using GenAgent.Api;
using GenAgent.Core.Images;
using GenAgent.Discord.Interactions;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Commands;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Settings;
using GenAgent.Discord.Sessions.Starting;
using GenAgent.Discord.Wire;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>
/// <c>POST /api/discord/interactions</c>: verifies Discord's Ed25519 signature over the raw body, answers PING, and routes
/// commands, buttons, modal submits and autocomplete. <c>genagent serve</c> and the Functions HTTP trigger run this same
/// handler. Every answer is the HTTP response itself (the interaction callback), so it is back well inside Discord's
/// 3 s; work that can take longer runs after a deferred answer. All state comes from the custom_id, the store and the
/// durable session, so any instance can handle any interaction.
/// </summary>
public sealed partial class DiscordInteractionHandler(
    ISessionEngine engine,
    DiscordSessionStarter starter,
    DiscordSettingsStore settings,
    IDiscordSessionLinks links,
    InteractionVerifier verifier,
    IImageStore store,
    IOptions<DiscordSessionsOptions> sessionsOptions,
    ApiOptions api,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DiscordInteractionHandler> logger,
    InteractionReplays replays,
    SessionLaunches? launches = null)
{
    /// <summary>Interaction payloads are a few kilobytes; anything far larger is not from Discord.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly DiscordSessionsOptions options = sessionsOptions.Value;

    /// <summary>
    /// Starts sessions before answering instead of after: for hosts whose engine lives only as long as the request (the
    /// Functions app's durable client binding). The start gets what is left of <see cref="DiscordSessionsOptions.StartBudget"/>:
    /// a refusal or a failed start within it is the (ephemeral) answer itself; a start that outlasts it is answered
    /// DEFERRED at once and finishes in the background, so the answer never waits on a slow durable start. Durable
    /// Functions take far longer to run a session's first step than Discord takes to process the answer, so the first
    /// post still finds the "thinking" message.
    /// </summary>
    public bool LaunchBeforeAnswer { get; set; }

    /// <summary>Reads, verifies and answers one interaction request.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        if (request.ContentLength > MaxBodyBytes) return Unauthorized("the body is too large to be an interaction");
        var body = await BoundedRead.ReadAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return Unauthorized("the body is too large to be an interaction");

        var signature = request.Headers[InteractionVerifier.SignatureHeader].ToString();
        var timestamp = request.Headers[InteractionVerifier.TimestampHeader].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
            return Unauthorized($"missing {InteractionVerifier.SignatureHeader} or {InteractionVerifier.TimestampHeader}");
        if (!verifier.Verify(signature, timestamp, body)) return Unauthorized("invalid request signature");
        if (!replays.IsFresh(timestamp)) return Unauthorized("the signed timestamp is outside the accepted window (a replayed or delayed request)");

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException malformed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an interaction", detail: malformed.Message);
        }
        if (interaction is null) return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an interaction");
        if (!interaction.HasWellFormedIds)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an interaction", detail: "ids must be snowflakes (digits)");

        var after = new AfterAck();
        var (response, first) = string.IsNullOrEmpty(interaction.Id)
            ? (await RouteAsync(interaction, after, cancellationToken).ConfigureAwait(false), true)
            : await replays.OnceAsync(interaction.Id, () => RouteAsync(interaction, after, cancellationToken)).ConfigureAwait(false);
        if (!first)
        {
            // The same interaction again (a replay, or a retry of an answer already given): the first answer, nothing started.
            logger.Repeated(interaction.Id);
            return TypedResults.Json(response, DiscordJsonContext.Default.InteractionResponse);
        }

        after.Tell = text => TellAsync(interaction, text);
        if (after.HasWork && LaunchBeforeAnswer)
        {
            response = await LaunchBeforeAnsweringAsync(interaction, response, after, Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
        }
        else if (after.HasWork)
        {
            // Queued once the answer is out; not awaited by the response (Kestrel would hold the connection's next request).
            request.HttpContext.Response.OnCompleted(() =>
            {
                if (launches is not null) launches.Enqueue(after);
                else _ = Task.Run(after.RunAsync, CancellationToken.None);
                return Task.CompletedTask;
            });
        }
        logger.Answered(interaction.Id, (int)interaction.Type, interaction.Data?.Name ?? interaction.Data?.CustomId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Json(response, DiscordJsonContext.Default.InteractionResponse);
    }

    /// <summary>
    /// Runs the launch within what is left of the start budget: what the user must be told becomes the ephemeral answer;
    /// a launch still running then continues after the deferred answer and tells the user there if it fails.
    /// </summary>
    private async Task<InteractionResponse> LaunchBeforeAnsweringAsync(Interaction interaction, InteractionResponse deferred, AfterAck after, TimeSpan spent)
    {
        var launch = after.RunAsync();
        var left = options.StartBudget - spent;
        if (left > TimeSpan.Zero)
        {
            await Task.WhenAny(launch, Task.Delay(left, clock)).ConfigureAwait(false);
        }

        if (!launch.IsCompleted)
        {
            logger.LaunchOutlivedBudget(interaction.Id);
            _ = Task.Run(() => after.TellAsync(launch), CancellationToken.None);
            return deferred;
        }

        return await launch.ConfigureAwait(false) is { } tell ? InteractionReplies.Ephemeral(tell) : deferred;
    }

    /// <summary>The answer to a verified interaction; <paramref name="after"/> collects what must run once it has been sent.</summary>
    public Task<InteractionResponse> RouteAsync(Interaction interaction, AfterAck after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.Type switch
        {
            InteractionType.Ping => Task.FromResult(InteractionResponse.Pong()),
            InteractionType.ApplicationCommand => CommandAsync(interaction, after, cancellationToken),
            InteractionType.MessageComponent => ButtonAsync(interaction, after, cancellationToken),
            InteractionType.ModalSubmit => ModalSubmitAsync(interaction, after, cancellationToken),
            InteractionType.ApplicationCommandAutocomplete => AutocompleteAsync(interaction, cancellationToken),
            _ => Task.FromResult(InteractionReplies.Ephemeral("GenAgent does not handle this kind of interaction.")),
        };
    }

    private Task<InteractionResponse> CommandAsync(Interaction interaction, AfterAck after, CancellationToken cancellationToken) => interaction.Data?.Name switch
    {
        CommandNames.Imagine => ImagineAsync(interaction, after, cancellationToken),
        CommandNames.Settings => SettingsAsync(interaction, cancellationToken),
        CommandNames.Status => StatusAsync(interaction, cancellationToken),
        CommandNames.Cancel => CancelCommandAsync(interaction, cancellationToken),
        var name => Task.FromResult(InteractionReplies.Ephemeral($"GenAgent has no /{name} command; re-register the commands (genagent discord register).")),
    };

    private static string? UserId(Interaction interaction) => interaction.Invoker?.Id;

    private static string? ChannelId(Interaction interaction) => interaction.ChannelId ?? interaction.Channel?.Id;

    // Both resolved with the handler: work that outlives the request (a late start, a late refusal) runs after the
    // request's service scope is gone (the Functions invocation's, the per-request handler's).
    private DiscordRestClient Rest { get; } = services.GetRequiredService<DiscordRestClient>();

    /// <summary>Work that outlives the request stops with the application, not with the request.</summary>
    private CancellationToken Stopping { get; } = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;

    private IResult Unauthorized(string reason)
    {
        logger.SignatureRejected(reason);
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: reason);
    }
}
