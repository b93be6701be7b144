using GenAgent.Core.Sessions;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Commands;
using GenAgent.Discord.Sessions.Safety;
using GenAgent.Discord.Sessions.Starting;
using GenAgent.Discord.Wire;
using GenAgent.Workflow.Starting;

namespace GenAgent.Discord.Sessions.Interactions;

public sealed partial class DiscordInteractionHandler
{
    /// <summary>Input images Discord may send for image-to-image; the API normalises each to PNG.</summary>
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];

    /// <summary>
    /// <c>/imagine</c>: the safety checks and the session start run within <see cref="Hosting.DiscordSessionsOptions.StartBudget"/>
    /// so a refusal can still be an ephemeral answer; the answer is then DEFERRED ("thinking", ephemeral when private)
    /// and the progress posts edit it. A start that outlasts the budget is deferred anyway and finishes in the background.
    /// </summary>
    private async Task<InteractionResponse> ImagineAsync(Interaction interaction, AfterAck after, CancellationToken cancellationToken)
    {
        var data = interaction.Data!;
        if (UserId(interaction) is not { } userId || ChannelId(interaction) is not { } channelId)
            return InteractionReplies.Ephemeral("Discord did not say who asked or where; try again.");
        if (!TryParseEffort(data.Option(CommandNames.Effort)?.AsString(), out var effort, out var badEffort))
            return InteractionReplies.Ephemeral(badEffort);

        Attachment? image = null;
        if (data.Option(CommandNames.Image)?.AsString() is { } attachmentId)
        {
            image = data.Resolved?.Attachments?.GetValueOrDefault(attachmentId);
            if (image is null) return InteractionReplies.Ephemeral("Discord did not send the attached image; attach it again.");
            if (image.ContentType is not { } type || !ImageTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
                return InteractionReplies.Ephemeral($"The attachment is {image.ContentType ?? "of an unknown type"}; attach a PNG, JPEG, WebP or GIF image.");
            if (image.Size > api.MaxImageBytes)
                return InteractionReplies.Ephemeral($"The image has {image.Size} bytes; the limit is {api.MaxImageBytes}.");
        }

        var aspect = data.Option(CommandNames.Aspect)?.AsString();
        if (aspect is not null && !AspectRatios.Names.Contains(aspect))
            return InteractionReplies.Ephemeral($"aspect must be one of {string.Join(", ", AspectRatios.Names)}.");
        var isPrivate = data.Option(CommandNames.Private)?.AsBoolean();
        var request = new DiscordStartRequest
        {
            UserId = userId,
            GuildId = interaction.GuildId,
            ChannelId = channelId,
            ChannelNsfw = await AgeRestriction.IsAgeRestrictedAsync(interaction.Channel, Rest, cancellationToken).ConfigureAwait(false),
            Prompt = data.Option(CommandNames.Prompt)?.AsString() ?? "",
            Effort = effort,
            Aspect = aspect,
            NegativePrompt = data.Option(CommandNames.Negative)?.AsString(),
            Private = isPrivate,
            Source = DiscordStartSource.Slash,
            Interaction = ReplyOf(interaction),
            IsAdmin = MemberPermissions.IsGuildAdmin(interaction),
        };
        return await StartWithinBudgetAsync(interaction, request, image, isPrivate ?? false, after, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Prepares a session (rules, records) within the budget and answers DEFERRED, or the refusal ephemerally; the engine
    /// start runs once the answer is out (<paramref name="after"/>). A preparation that outlasts the budget is answered
    /// DEFERRED at once and finishes in the background.
    /// </summary>
    private async Task<InteractionResponse> StartWithinBudgetAsync(
        Interaction interaction, DiscordStartRequest request, Attachment? image, bool privateHint, AfterAck after, CancellationToken cancellationToken)
    {
        // The preparation must not be cancelled when the HTTP request ends: it may finish after the deferred answer.
        var prepare = PrepareWithImageAsync(request, image, Stopping);
        var finished = await Task.WhenAny(prepare, Task.Delay(options.StartBudget, clock, cancellationToken)).ConfigureAwait(false);
        if (finished != prepare)
        {
            after.Add(() => FinishLateAsync(interaction, prepare));
            return InteractionResponse.Deferred(privateHint);
        }

        PreparedStart prepared;
        try
        {
            prepared = await prepare.ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            logger.LateStartFailed(failed, interaction.Id);
            return InteractionReplies.Ephemeral("GenAgent could not start the session; please try again in a moment.");
        }
        if (!prepared.Result.Started) return InteractionReplies.Ephemeral(prepared.Result.Refusal);
        after.Add(() => LaunchAsync(interaction, prepared));
        return InteractionResponse.Deferred(prepared.Result.Private);
    }

    private async Task<PreparedStart> PrepareWithImageAsync(DiscordStartRequest request, Attachment? image, CancellationToken cancellationToken)
    {
        if (image is not null)
        {
            try
            {
                request = request with { InputImage = await Rest.DownloadAttachmentAsync(image.Url, api.MaxImageBytes, cancellationToken).ConfigureAwait(false) };
            }
            catch (AttachmentDownloadException unusable)
            {
                return PreparedStart.Refused($"I could not download the image: {unusable.Message}");
            }
        }
        return await starter.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private const string CouldNotStart = "GenAgent could not start the session; please try again in a moment.";

    /// <summary>Starts the engine session; a failure is what the user is told instead (null on success).</summary>
    private async Task<string?> LaunchAsync(Interaction interaction, PreparedStart prepared)
    {
        try
        {
            await starter.LaunchAsync(prepared, Stopping).ConfigureAwait(false);
            return null;
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            logger.LateStartFailed(failed, interaction.Id);
            return CouldNotStart;
        }
    }

    /// <summary>A preparation that outlived the budget: its refusal is what the user is told, a success launches.</summary>
    private async Task<string?> FinishLateAsync(Interaction interaction, Task<PreparedStart> prepare)
    {
        PreparedStart prepared;
        try
        {
            prepared = await prepare.ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            logger.LateStartFailed(failed, interaction.Id);
            return CouldNotStart;
        }
        return prepared.Result.Started ? await LaunchAsync(interaction, prepared).ConfigureAwait(false) : prepared.Result.Refusal;
    }

    /// <summary>
    /// Puts <paramref name="text"/> on the "thinking" message. Only once the deferred answer exists: before Discord has
    /// processed it the original response is unknown (10015), so that answer is retried a few times, a second apart.
    /// </summary>
    private async Task TellAsync(Interaction interaction, string text)
    {
        try
        {
            await OnceAnsweredAsync(() => Rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, new MessageEdit { Content = text }, cancellationToken: Stopping))
                .ConfigureAwait(false);
        }
        catch (DiscordApiException failed)
        {
            logger.LateStartFailed(failed, interaction.Id);
        }
    }

    private const int AnsweredAttempts = 4;

    /// <summary>
    /// A call on the interaction's own token, which Discord knows only once it has processed the answer: an
    /// "Unknown Webhook" (10015) before that is tried again, a second apart, a few times.
    /// </summary>
    private async Task OnceAnsweredAsync(Func<Task> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call().ConfigureAwait(false);
                return;
            }
            catch (DiscordApiException early) when (early.Code == DiscordErrorCodes.UnknownWebhook && attempt < AnsweredAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, Stopping).ConfigureAwait(false);
            }
        }
    }

    private static InteractionReply ReplyOf(Interaction interaction) =>
        new(interaction.ApplicationId, interaction.Token, interaction.AttachmentSizeLimit ?? DiscordLimits.DefaultAttachmentBytes, interaction.IsUserInstallOnly);

    /// <summary>The effort option by the one rule (<see cref="StartRules.ParseEffort"/>); false with its message when unknown.</summary>
    internal static bool TryParseEffort(string? text, out Effort? effort, out string problem)
    {
        try
        {
            // Discord leaves an option it did not get out; an empty one is no choice either.
            effort = StartRules.ParseEffort(string.IsNullOrEmpty(text) ? null : text);
            problem = "";
            return true;
        }
        catch (InvalidStartException invalid)
        {
            effort = null;
            problem = invalid.Message;
            return false;
        }
    }
}
