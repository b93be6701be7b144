namespace GenAgent.Core.Quotas;

/// <summary>
/// The answer to an admission request. When refused, <see cref="Limit"/> names the limit, and <see cref="InUse"/> and
/// <see cref="Maximum"/> say how many sessions hold it and how many it allows; <see cref="Reason"/> says it in words.
/// </summary>
public sealed record AdmissionResult(AdmissionLimit Limit, int InUse, int Maximum, string? Reason)
{
    public bool Admitted => Limit == AdmissionLimit.None;

    public static AdmissionResult Accepted { get; } = new(AdmissionLimit.None, 0, 0, null);

    public static AdmissionResult KillSwitchOn { get; } =
        new(AdmissionLimit.KillSwitch, 0, 0, "new sessions are switched off (kill switch); running sessions continue");

    public static AdmissionResult OverUserQuota(string userId, int inUse, int maximum) =>
        new(AdmissionLimit.PerUser, inUse, maximum, $"user {userId} already runs {inUse} of the {maximum} sessions a user may run at once");

    public static AdmissionResult OverGlobalQuota(int inUse, int maximum) =>
        new(AdmissionLimit.Global, inUse, maximum, $"{inUse} of the {maximum} sessions the service runs at once are in use");
}
