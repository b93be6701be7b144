namespace GenAgent.Core.Sessions;

/// <summary>A follow-up message from the user and the episode it started; <see cref="FirstTurn"/> is that episode's first turn index.</summary>
public sealed record FollowUpRecord(int Episode, int FirstTurn, string Text, DateTimeOffset ReceivedAt);
