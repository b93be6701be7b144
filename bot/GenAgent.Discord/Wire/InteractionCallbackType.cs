namespace GenAgent.Discord.Wire;

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,

    /// <summary>"Bot is thinking"; its only allowed flag is ephemeral. Follow with an edit of the original.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>For components: acknowledge now, edit the message later.</summary>
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}
