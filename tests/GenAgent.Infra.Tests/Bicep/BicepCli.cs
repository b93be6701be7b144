using System.Diagnostics;
using System.Text;
using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Bicep;

/// <summary>The Bicep CLI that restoring tools/bicep downloads (self-contained, runs offline).</summary>
internal static class BicepCli
{
    public const string Version = "0.49.2";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string Path
    {
        get
        {
            var path = System.IO.Path.Combine(RepositoryPaths.NuGetPackageRoot, "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"The Bicep CLI {Version} is not at {path}. Run `dotnet restore tools/bicep` (or `dotnet restore GenAgent.sln`) to download it.", path);
        }
    }

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; kills it past the limit.</summary>
    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No update checks, no telemetry: the check must behave the same offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Limit}.");
        }
        process.WaitForExit();
        lock (stdout) lock (stderr) return new BicepRun(string.Join(' ', arguments), process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
