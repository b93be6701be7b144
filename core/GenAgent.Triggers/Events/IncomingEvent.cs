namespace GenAgent.Triggers.Events;

/// <summary>What GenAgent needs of an event in either schema; <see cref="SystemData"/> is the typed data of an Azure system event.</summary>
internal sealed record IncomingEvent(string Id, string Type, BinaryData? Data, object? SystemData);
