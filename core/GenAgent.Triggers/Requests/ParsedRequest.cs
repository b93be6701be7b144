using GenAgent.Core.Sessions;

namespace GenAgent.Triggers.Requests;

/// <summary>A valid session request and the id its sender asked for, if any.</summary>
public sealed record ParsedRequest(SessionRequest Request, string? Id);
