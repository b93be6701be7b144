namespace GenAgent.Infra.Tests.Bicep;

/// <summary>What one bicep command did. Type errors exit 0, so the output is what tells a clean run.</summary>
public sealed record BicepRun(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"bicep {Command} exited {ExitCode}{Environment.NewLine}{Stdout}{Stderr}";
}
