namespace GenAgent.Core.Quotas;

/// <summary>Which limit refused a session.</summary>
public enum AdmissionLimit
{
    /// <summary>Nothing refused it: the session was admitted.</summary>
    None,
    /// <summary><see cref="AdmissionOptions.KillSwitch"/> is on; HTTP 503.</summary>
    KillSwitch,
    /// <summary><see cref="AdmissionOptions.MaxConcurrentPerUser"/>; HTTP 429.</summary>
    PerUser,
    /// <summary><see cref="AdmissionOptions.MaxConcurrentGlobal"/>; HTTP 429.</summary>
    Global,
}
