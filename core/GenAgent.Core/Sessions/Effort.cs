namespace GenAgent.Core.Sessions;

/// <summary>Test-time scaling: how much work the agent may spend on one prompt.</summary>
public enum Effort
{
    /// <summary>One image, no reflection.</summary>
    Low,
    /// <summary>The agent loop up to the image budget.</summary>
    Medium,
    /// <summary>Several candidate episodes and a judge picks the best (serverless issue).</summary>
    High,
}
