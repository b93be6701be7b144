namespace GenAgent.Api.Wire;

/// <summary>Live progress; <see cref="Phase"/> is starting, thinking, generating, editing, finalizing or completed.</summary>
internal sealed record ProgressResponse(int Round, int Turn, string Phase, int ImagesUsed, string? LastCaption, string? LastJudgment);
