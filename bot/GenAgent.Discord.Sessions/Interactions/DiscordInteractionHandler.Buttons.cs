using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Starting;
using GenAgent.Discord.Wire;
using GenAgent.Workflow;

namespace GenAgent.Discord.Sessions.Interactions;

public sealed partial class DiscordInteractionHandler
{
    /// <summary>
    /// A click on a session button. The custom_id names the action and the session; the link in the store says whose
    /// session it is and where it posts. Another round, Refine, Edit and Stop act on the owner's session (or a
    /// moderator's click); Variations starts a session of the one who clicked.
    /// </summary>
    private async Task<InteractionResponse> ButtonAsync(Interaction interaction, AfterAck after, CancellationToken cancellationToken)
    {
        if (CustomIds.TryParse(interaction.Data?.CustomId, out var action, out var sessionId) != CustomIdParse.Ok)
            return InteractionReplies.Outdated();
        var link = await links.GetAsync(sessionId!, cancellationToken).ConfigureAwait(false);
        if (link is null) return InteractionReplies.Ephemeral("GenAgent no longer knows this session; start a new one with /imagine.");

        if (action == ButtonAction.Variations) return await VariationsAsync(interaction, link, after, cancellationToken).ConfigureAwait(false);
        if (!IsOwnerOrModerator(interaction, link))
            return InteractionReplies.Ephemeral($"Only <@{link.UserId}> (who started it) or a moderator can do that; use Variations to start your own.");

        return action switch
        {
            ButtonAction.AnotherRound => await ContinueAsync(interaction, link, SessionInstructions.AnotherRound, after, cancellationToken).ConfigureAwait(false),
            ButtonAction.Refine => RefineModal(sessionId!),
            ButtonAction.Edit => EditModal(sessionId!),
            ButtonAction.Stop => await StopAsync(link, cancellationToken).ConfigureAwait(false),
            ButtonAction.Delete => await DeleteAsync(interaction, link, after, cancellationToken).ConfigureAwait(false),
            _ => InteractionReplies.Outdated(),
        };
    }

    /// <summary>The Refine or Edit modal was submitted: its text continues the session.</summary>
    private async Task<InteractionResponse> ModalSubmitAsync(Interaction interaction, AfterAck after, CancellationToken cancellationToken)
    {
        if (CustomIds.TryParse(interaction.Data?.CustomId, out var action, out var sessionId) != CustomIdParse.Ok
            || action is not (ButtonAction.Refine or ButtonAction.Edit))
            return InteractionReplies.Outdated();
        var text = interaction.Data!.TextInputValue(CustomIds.TextInput)?.Trim();
        if (string.IsNullOrEmpty(text)) return InteractionReplies.Ephemeral("The text was empty, so nothing changed.");
        var link = await links.GetAsync(sessionId!, cancellationToken).ConfigureAwait(false);
        if (link is null) return InteractionReplies.Ephemeral("GenAgent no longer knows this session; start a new one with /imagine.");
        if (!IsOwnerOrModerator(interaction, link))
            return InteractionReplies.Ephemeral($"Only <@{link.UserId}> (who started it) or a moderator can do that.");
        var instruction = action == ButtonAction.Refine ? SessionInstructions.Refine(text) : SessionInstructions.Edit(text);
        return await ContinueAsync(interaction, link, instruction, after, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="instruction"/> to the session, which continues with a new episode; its posts use this
    /// interaction's fresh token. A session that no longer takes follow-ups (its follow-up window closed, or the engine
    /// lost it) is continued by a new session instead: the same request plus the instruction, starting from its final image.
    /// </summary>
    private async Task<InteractionResponse> ContinueAsync(Interaction interaction, DiscordSessionLink link, string instruction, AfterAck after, CancellationToken cancellationToken)
    {
        var snapshot = await engine.GetAsync(link.SessionId, cancellationToken).ConfigureAwait(false);
        if (snapshot is { IsTerminal: false })
        {
            await links.SaveAsync(link with
            {
                InteractionToken = interaction.Token,
                TokenIssuedAt = clock.GetUtcNow(),
                AttachmentSizeLimit = interaction.AttachmentSizeLimit ?? link.AttachmentSizeLimit,
            }, cancellationToken).ConfigureAwait(false);
            await engine.SendFollowUpAsync(link.SessionId, instruction, cancellationToken).ConfigureAwait(false);
            return InteractionResponse.DeferredUpdate();
        }

        var final = snapshot?.Trajectory?.FinalImage?.Key ?? SessionKeys.FinalImage(link.SessionId);
        var image = await store.TryGetAsync(final, cancellationToken).ConfigureAwait(false);
        var request = new DiscordStartRequest
        {
            UserId = link.UserId,
            GuildId = link.GuildId,
            ChannelId = ChannelId(interaction) ?? link.ChannelId,
            ChannelNsfw = interaction.Channel?.Nsfw ?? false,
            Prompt = SessionInstructions.Continuation(link.Prompt, instruction),
            Effort = link.Effort,
            Aspect = link.Aspect,
            InputImage = image,
            Private = link.Private,
            ThreadPreference = link.UseThread,
            Interaction = ReplyOf(interaction),
            IsAdmin = MemberPermissions.IsGuildAdmin(interaction),
        };
        return await StartWithinBudgetAsync(interaction, request, image: null, link.Private, after, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InteractionResponse> VariationsAsync(Interaction interaction, DiscordSessionLink link, AfterAck after, CancellationToken cancellationToken)
    {
        if (UserId(interaction) is not { } userId || ChannelId(interaction) is not { } channelId)
            return InteractionReplies.Ephemeral("Discord did not say who clicked or where; try again.");
        var request = new DiscordStartRequest
        {
            UserId = userId,
            GuildId = interaction.GuildId,
            ChannelId = channelId,
            ChannelNsfw = interaction.Channel?.Nsfw ?? false,
            Prompt = link.Prompt,
            Effort = Effort.High,
            Aspect = link.Aspect,
            Private = userId == link.UserId ? link.Private : null,
            Source = DiscordStartSource.Slash,
            Interaction = ReplyOf(interaction),
            IsAdmin = MemberPermissions.IsGuildAdmin(interaction),
        };
        return await StartWithinBudgetAsync(interaction, request, image: null, link.Private && userId == link.UserId, after, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InteractionResponse> StopAsync(DiscordSessionLink link, CancellationToken cancellationToken)
    {
        var snapshot = await engine.GetAsync(link.SessionId, cancellationToken).ConfigureAwait(false);
        if (snapshot is not { IsTerminal: false }) return InteractionReplies.Ephemeral("This session has already ended.");
        await engine.CancelAsync(link.SessionId, cancellationToken).ConfigureAwait(false);
        return InteractionReplies.Ephemeral("Stopping the session after its current step.");
    }

    /// <summary>
    /// Deletes the message the button is on: with the bot token (the message's own token may have expired), or, where
    /// only the user's install reached and the bot is no member, with this click's token once it is answered (a
    /// component interaction's original response is the message the component is on).
    /// </summary>
    private async Task<InteractionResponse> DeleteAsync(Interaction interaction, DiscordSessionLink link, AfterAck after, CancellationToken cancellationToken)
    {
        if (interaction.Message is not { } message) return InteractionReplies.Ephemeral("Discord did not say which message to delete.");
        if (message.Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral))
            return InteractionReplies.Ephemeral("Only you can see this message; dismiss it instead.");
        if (interaction.IsUserInstallOnly)
        {
            after.Add(async () =>
            {
                try
                {
                    await OnceAnsweredAsync(() => Rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, Stopping)).ConfigureAwait(false);
                    return null;
                }
                catch (GenAgent.Discord.Rest.DiscordApiException failed)
                {
                    logger.ActionFailed(failed, interaction.Id, "delete", link.SessionId);
                    return $"Discord refused to delete the message ({failed.Message}).";
                }
            });
            return InteractionResponse.DeferredUpdate();
        }

        try
        {
            await Rest.DeleteMessageAsync(message.ChannelId.Length > 0 ? message.ChannelId : ChannelId(interaction) ?? link.ChannelId, message.Id, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (GenAgent.Discord.Rest.DiscordApiException failed)
        {
            logger.ActionFailed(failed, interaction.Id, "delete", link.SessionId);
            return InteractionReplies.Ephemeral($"Discord refused to delete the message ({failed.Message}).");
        }
        return InteractionResponse.DeferredUpdate();
    }

    private static InteractionResponse RefineModal(string sessionId) => TextModal(
        sessionId, ButtonAction.Refine, "Refine the image", "What should change?", "e.g. make the sky stormy and add a red kite");

    private static InteractionResponse EditModal(string sessionId) => TextModal(
        sessionId, ButtonAction.Edit, "Edit the image", "What should the edit do?", "e.g. remove the lamp post");

    private static InteractionResponse TextModal(string sessionId, ButtonAction action, string title, string label, string placeholder) =>
        InteractionResponse.Modal(new ModalData(
            CustomIds.Format(action, sessionId),
            title,
            [
                Component.LabelFor(label, Component.TextInput(
                    CustomIds.TextInput, TextInputStyle.Paragraph, required: true, placeholder: placeholder, minLength: 1, maxLength: DiscordLimits.TextInputValueLength)),
            ]));

    private static bool IsOwnerOrModerator(Interaction interaction, DiscordSessionLink link) =>
        UserId(interaction) == link.UserId || MemberPermissions.IsModerator(interaction);
}
