namespace GenAgent.Discord.Wire;

/// <summary>A modal: a title (at most 45 characters) and up to five Label components.</summary>
public sealed record ModalData(string CustomId, string Title, IReadOnlyList<Component> Components);
