using GenAgent.Api;
using GenAgent.Api.Sessions;
using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Core.Quotas;
using GenAgent.Workflow.Quotas;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Sessions.Interactions;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Posting;
using GenAgent.Discord.Sessions.Safety;
using GenAgent.Discord.Sessions.Settings;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Starting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>
/// Starts a session for Discord, whichever way it was asked for (<c>/imagine</c>, a button, a mention, a DM): applies the
/// user's defaults and the guild's rules, stores the input image, saves the <see cref="DiscordSessionLink"/> the progress
/// posts need (before the session starts, so the first round finds it), starts the engine session and records it for
/// <c>/status</c>, the cooldown and the daily quota.
/// </summary>
public sealed class DiscordSessionStarter(
    ISessionEngine engine,
    IImageStore store,
    DiscordSettingsStore settings,
    IDiscordSessionLinks links,
    SafetyPolicy safety,
    IOptions<DiscordSessionsOptions> sessionsOptions,
    IOptions<DiscordOptions> discordOptions,
    ApiOptions api,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<DiscordSessionStarter> logger,
    ISessionAdmission? admission = null)
{
    private readonly DiscordSessionsOptions options = sessionsOptions.Value;
    private readonly DiscordOptions discord = discordOptions.Value;
    private readonly SessionLauncher launcher = new(engine, admission);
    // The API's reader: the same size, pixel and format checks as an image sent to POST /api/sessions.
    private readonly InputImageReader images = new(api, httpClients);

    /// <summary>Whether a session of this id exists already (a redelivered message started it): then nothing is started or recorded again.</summary>
    public async Task<bool> ExistsAsync(string sessionId, CancellationToken cancellationToken = default) =>
        await engine.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Checks, records and starts the session in one go (the gateway's path).</summary>
    public async Task<DiscordStartResult> StartAsync(DiscordStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A redelivered request must not record the session, count the quota or hit the cooldown a second time.
        if (request.SessionId is { } existing && await ExistsAsync(existing, cancellationToken).ConfigureAwait(false))
            return DiscordStartResult.Ok(existing, request.Private ?? false);
        var prepared = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        if (prepared.Result.Started) await LaunchAsync(prepared, cancellationToken).ConfigureAwait(false);
        return prepared.Result;
    }

    /// <summary>
    /// Everything that can refuse: the rules (a refusal is returned, not thrown), the admission slot and the input image.
    /// Fast (store reads), so an interaction can still answer a refusal ephemerally; <see cref="LaunchAsync"/> then
    /// records and starts the session after the answer has gone out. Two starts of one user in the same instant can
    /// both pass the cap and the cooldown (the records are written after the answer): acceptable for a chat bot.
    /// </summary>
    public async Task<PreparedStart> PrepareAsync(DiscordStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rules = api.Rules;
        string prompt;
        try
        {
            prompt = rules.Prompt(request.Prompt);
            // The option rule (a negative prompt the generator cannot take) refuses before a slot is held or an image stored.
            rules.Options(new StartOptions { NegativePrompt = request.NegativePrompt });
        }
        catch (InvalidStartException invalid)
        {
            return PreparedStart.Refused(invalid.Message);
        }

        var user = await settings.GetUserAsync(request.UserId, cancellationToken).ConfigureAwait(false);
        var guild = request.GuildId is null ? null : await settings.GetGuildAsync(request.GuildId, cancellationToken).ConfigureAwait(false);
        var recent = await UserSessionLookup.ReadAsync(settings, engine, request.UserId, cancellationToken).ConfigureAwait(false);
        var guildToday = request.GuildId is null ? 0 : await settings.GetGuildUsageAsync(request.GuildId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var refusal = safety.Check(new SafetyCheck
        {
            Prompt = prompt,
            Guild = guild,
            ChannelId = request.ChannelId,
            ChannelNsfw = request.ChannelNsfw,
            IsAdmin = request.IsAdmin,
            // A session recorded moments ago may not have reached the engine yet; it counts as running.
            RunningSessions = recent.Count(s => s.IsRunning || (s.Snapshot is null && now - s.Entry.StartedAt < LaunchGrace)),
            LastStart = recent.Count > 0 ? recent[0].Entry.StartedAt : null,
            GuildSessionsToday = guildToday,
            Now = now,
        });
        if (refusal is not null)
        {
            logger.StartRefused(request.UserId, refusal);
            return PreparedStart.Refused(refusal);
        }

        var sessionId = request.SessionId ?? Guid.NewGuid().ToString("N");
        var admissionUser = $"discord:{request.UserId}";
        if (await launcher.AdmitAsync(sessionId, admissionUser, cancellationToken).ConfigureAwait(false) is { } refused)
            return PreparedStart.Refused($"GenAgent is busy right now ({refused.Reason}); try again in a moment.");

        try
        {
            return await BuildAsync(request, rules, prompt, sessionId, admissionUser, user, now, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await launcher.ReleaseAsync(sessionId, admissionUser).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Records a prepared start (the link first: the session's first progress post looks for it; then the user's list
    /// and the guild's counter) and starts its engine session. A failure gives the admission slot back and is rethrown.
    /// </summary>
    public async Task LaunchAsync(PreparedStart prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Result.SessionId is not { } sessionId || prepared.Request is not { } request || prepared.Link is not { } link || prepared.Entry is not { } entry)
            throw new InvalidOperationException("Only a start that was not refused can be launched.");
        try
        {
            await links.SaveAsync(link, cancellationToken).ConfigureAwait(false);
            await settings.RecordSessionAsync(link.UserId, entry, cancellationToken).ConfigureAwait(false);
            if (link.GuildId is not null) await settings.AddGuildUsageAsync(link.GuildId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await launcher.ReleaseAsync(sessionId, prepared.AdmissionUser).ConfigureAwait(false);
            throw;
        }
        await launcher.StartAdmittedAsync(request, sessionId, prepared.AdmissionUser, cancellationToken).ConfigureAwait(false);
        logger.SessionStarted(sessionId, link.UserId, prepared.Source, request.Options.Effort);
    }

    /// <summary>How long a recorded session that the engine does not know yet counts as running (it is being launched).</summary>
    public static readonly TimeSpan LaunchGrace = TimeSpan.FromMinutes(1);

    private async Task<PreparedStart> BuildAsync(
        DiscordStartRequest request, StartRules rules, string prompt, string sessionId, string admissionUser, UserSettings user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ImageRef? input = null;
        if (request.InputImage is { } bytes)
        {
            try
            {
                input = await images.StoreAsync(new ImageBody(Base64: Convert.ToBase64String(bytes)), sessionId, store, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidInputException unusable)
            {
                await launcher.ReleaseAsync(sessionId, admissionUser).ConfigureAwait(false);
                return PreparedStart.Refused($"I cannot use that image: {string.Join(" ", unusable.Errors.Values.SelectMany(m => m))}");
            }
        }

        var effort = request.Effort ?? user.Effort ?? options.DefaultEffort;
        var isPrivate = request.Private ?? user.Private ?? false;
        var link = new DiscordSessionLink
        {
            SessionId = sessionId,
            ApplicationId = request.Interaction?.ApplicationId ?? discord.ApplicationId,
            InteractionToken = request.Interaction?.Token,
            TokenIssuedAt = now,
            GuildId = request.GuildId,
            ChannelId = request.ChannelId,
            UserId = request.UserId,
            Private = isPrivate,
            AttachmentSizeLimit = request.Interaction?.AttachmentSizeLimit ?? 0,
            Prompt = prompt,
            Effort = effort,
            Aspect = request.Aspect,
            // Where only the user's install reached, the bot is not a member: no thread, and every post rides the token.
            UseThread = request.Interaction?.UserInstallOnly != true && (request.ThreadPreference ?? user.Threads ?? options.DefaultThreads),
            FollowUpsLimited = request.Interaction?.UserInstallOnly == true,
        };
        var size = request.Aspect is { } aspect ? AspectRatios.Size(aspect, rules.Defaults.Width, rules.Defaults.Height) : null;
        var sessionOptions = rules.Options(new StartOptions
        {
            Effort = effort.ToString(), FollowUpWindowSeconds = options.FollowUpWindowSeconds, Width = size?.Width, Height = size?.Height,
            NegativePrompt = request.NegativePrompt,
        });
        return new PreparedStart(DiscordStartResult.Ok(sessionId, isPrivate), new SessionRequest(prompt, sessionOptions, input), admissionUser, request.UserId, request.Source)
        {
            Link = link,
            Entry = new UserSessionEntry(sessionId, now, request.GuildId, request.ChannelId, TextTrim.Cut(prompt, 100)),
        };
    }
}
