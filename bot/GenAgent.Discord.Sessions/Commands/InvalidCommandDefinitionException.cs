namespace GenAgent.Discord.Sessions.Commands;

/// <summary>A command definition Discord would reject; each problem names the command path and the limit.</summary>
public sealed class InvalidCommandDefinitionException(IReadOnlyList<string> problems)
    : Exception("Invalid Discord command definitions: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
