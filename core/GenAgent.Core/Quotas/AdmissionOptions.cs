using System.ComponentModel.DataAnnotations;

namespace GenAgent.Core.Quotas;

/// <summary>
/// Admission limits for new sessions, bound from the <see cref="Section"/> configuration section. A session holds its
/// slot from admission until <see cref="ISessionAdmission.ReleaseAsync"/>, follow-up wait included.
/// </summary>
public sealed class AdmissionOptions
{
    public const string Section = "GenAgent:Admission";

    /// <summary>Sessions one user may run at once; null for no per-user cap. Anonymous callers (no user id) have none.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxConcurrentPerUser { get; set; }

    /// <summary>Sessions the whole deployment may run at once; null for no global cap.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxConcurrentGlobal { get; set; }

    /// <summary>When on, every new session is refused (running ones continue): the switch to pull when spend runs away.</summary>
    public bool KillSwitch { get; set; }
}
