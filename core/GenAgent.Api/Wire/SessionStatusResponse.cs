namespace GenAgent.Api.Wire;

/// <summary>
/// <c>GET /api/sessions/{id}</c>. <see cref="Status"/> is pending, running, completed, failed or terminated;
/// <see cref="Outcome"/> appears once the agent has settled.
/// </summary>
internal sealed record SessionStatusResponse(
    string Id,
    string Status,
    ProgressResponse? Progress,
    IReadOnlyList<RoundResponse> Rounds,
    OutcomeResponse? Outcome,
    string? FinalImageUrl,
    string? Failure,
    string TrajectoryUrl,
    string ReportUrl);
