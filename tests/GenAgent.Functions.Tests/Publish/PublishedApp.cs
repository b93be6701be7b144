using System.Diagnostics;
using System.Text;
using GenAgent.Functions.Tests.Fakes;

namespace GenAgent.Functions.Tests.Publish;

/// <summary>
/// Runs <c>dotnet publish functions -c Release</c> once for the test class, into a temp folder with its own artifacts
/// path so it never touches another build's output. Slow (a Release build plus the SDK's hidden WorkerExtensions
/// project), hence shared.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    // MSBuild variables the test host may carry would point the child build at the wrong SDK pieces.
    private static readonly string[] InheritedBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    private readonly TempFolder _folder = new();

    public PublishedApp()
    {
        Output = System.IO.Path.Combine(_folder.Path, "out");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "publish", System.IO.Path.Combine(RepositoryRoot.Path, "functions", "GenAgent.Functions.csproj"),
            "-c", "Release", "-o", Output, "--artifacts-path", System.IO.Path.Combine(_folder.Path, "artifacts"), "-nologo",
        })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in InheritedBuildVariables) start.Environment.Remove(name);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {Limit}.");
        }
        process.WaitForExit();
        ExitCode = process.ExitCode;
        lock (log) Log = log.ToString();
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string Output { get; }

    public void Dispose() => _folder.Dispose();
}
