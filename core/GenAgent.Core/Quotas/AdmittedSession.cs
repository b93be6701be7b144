namespace GenAgent.Core.Quotas;

/// <summary>A session that holds an admission slot.</summary>
public sealed record AdmittedSession(string SessionId, string? UserId, DateTimeOffset AdmittedAt);
