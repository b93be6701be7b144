using GenAgent.Core.Images;

namespace GenAgent.Core.Protocol;

/// <summary>
/// A chat message as it travels through the orchestration: text parts and image references only,
/// never image bytes. <see cref="ConversationRenderer"/> turns it into an <c>IChatClient</c> message.
/// </summary>
public sealed record ConversationMessage(string Role, IReadOnlyList<ConversationPart> Parts)
{
    public const string SystemRole = "system";
    public const string UserRole = "user";
    public const string AssistantRole = "assistant";

    public static ConversationMessage System(string text) => new(SystemRole, [ConversationPart.FromText(text)]);

    public static ConversationMessage User(string text) => new(UserRole, [ConversationPart.FromText(text)]);

    public static ConversationMessage Assistant(string text) => new(AssistantRole, [ConversationPart.FromText(text)]);
}

/// <summary>Either text or an image reference.</summary>
public sealed record ConversationPart(string? Text, ImageRef? Image)
{
    public static ConversationPart FromText(string text) => new(text, null);

    public static ConversationPart FromImage(ImageRef image) => new(null, image);
}
