namespace GenAgent.Discord.Wire;

/// <summary>The answer to an interaction: <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null)
{
    public static InteractionResponse Pong() => new(InteractionCallbackType.Pong);

    /// <summary>"Thinking..." now; the result comes as an edit of the original response.</summary>
    public static InteractionResponse Deferred(bool ephemeral = false) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource, ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null);

    public static InteractionResponse DeferredUpdate() => new(InteractionCallbackType.DeferredUpdateMessage);

    public static InteractionResponse Message(InteractionCallbackData data) => new(InteractionCallbackType.ChannelMessageWithSource, data);

    public static InteractionResponse Ephemeral(string content) =>
        Message(new InteractionCallbackData { Content = content, Flags = MessageFlags.Ephemeral, AllowedMentions = AllowedMentions.None });

    public static InteractionResponse Update(InteractionCallbackData data) => new(InteractionCallbackType.UpdateMessage, data);

    public static InteractionResponse Modal(ModalData modal) =>
        new(InteractionCallbackType.Modal, new InteractionCallbackData { CustomId = modal.CustomId, Title = modal.Title, Components = modal.Components });

    public static InteractionResponse Autocomplete(IReadOnlyList<ApplicationCommandChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData { Choices = choices });
}
