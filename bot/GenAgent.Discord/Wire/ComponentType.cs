namespace GenAgent.Discord.Wire;

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,

    /// <summary>Wraps one modal component with a label and description (text inputs in action rows are deprecated).</summary>
    Label = 18,
}
