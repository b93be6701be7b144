namespace GenAgent.Discord.Wire;

/// <summary>The body of both thread-start routes.</summary>
public sealed record ThreadCreate
{
    public string Name { get; init; } = "";

    /// <summary>Minutes: 60, 1440, 4320 or 10080.</summary>
    public int? AutoArchiveDuration { get; init; }

    /// <summary>Only for a thread without a message; 11 public (default), 12 private.</summary>
    public ChannelType? Type { get; init; }
}
