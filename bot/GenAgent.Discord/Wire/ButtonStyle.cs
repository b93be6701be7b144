namespace GenAgent.Discord.Wire;

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,

    /// <summary>Opens <c>url</c>; has no custom_id and sends no interaction.</summary>
    Link = 5,
}
