using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Azd;

/// <summary>
/// infra/hooks/preprovision.sh run by sh against a stand-in `azd` on PATH that keeps the environment in a file, as
/// azd keeps .azure/&lt;env&gt;/.env: the generated keys are made once and every later provision sends the same ones.
/// </summary>
public sealed partial class PreprovisionHookTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "azd-hook-" + Guid.NewGuid().ToString("N"));

    public PreprovisionHookTests()
    {
        Directory.CreateDirectory(_folder);
        // `azd env get-value NAME` prints the value or fails with an error text; `azd env set NAME VALUE` stores it.
        var azd = Path.Combine(_folder, "azd");
        File.WriteAllText(azd, """
            #!/bin/sh
            store="$(dirname "$0")/env"
            touch "$store"
            case "$1 $2" in
              "env get-value") line="$(grep "^$3=" "$store" | tail -n 1)"; [ -n "$line" ] || { echo "ERROR: key '$3' not found in the environment values"; exit 1; }; printf '%s\n' "${line#*=}" ;;
              "env set") grep -v "^$3=" "$store" > "$store.tmp" || true; mv "$store.tmp" "$store"; printf '%s=%s\n' "$3" "$4" >> "$store" ;;
              *) echo "unexpected azd $*" >&2; exit 2 ;;
            esac
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Key();

    private Dictionary<string, string> Environment() =>
        File.Exists(Path.Combine(_folder, "env"))
            ? File.ReadAllLines(Path.Combine(_folder, "env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : [];

    private string RunHook()
    {
        var start = new ProcessStartInfo("sh", [Path.Combine(RepositoryPaths.Infra, "hooks", "preprovision.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = _folder + ":" + System.Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the hook failed ({process.ExitCode}): {output}");
        return output;
    }

    [Fact]
    public void The_first_provision_makes_both_keys_and_later_ones_keep_them()
    {
        RunHook();
        var first = Environment();
        Assert.Matches(Key(), first["GENAGENT_WORKER_API_KEY"]);
        Assert.Matches(Key(), first["GENAGENT_LINK_KEY"]);
        Assert.NotEqual(first["GENAGENT_WORKER_API_KEY"], first["GENAGENT_LINK_KEY"]);

        var output = RunHook();

        Assert.Equal(first, Environment());
        Assert.Contains("GENAGENT_WORKER_API_KEY: kept", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_a_generated_key_is_replaced_and_the_other_kept()
    {
        File.WriteAllLines(Path.Combine(_folder, "env"), ["GENAGENT_WORKER_API_KEY=", "GENAGENT_LINK_KEY=" + new string('a', 64)]);

        RunHook();

        Assert.Matches(Key(), Environment()["GENAGENT_WORKER_API_KEY"]);
        Assert.Equal(new string('a', 64), Environment()["GENAGENT_LINK_KEY"]);
    }

    [Fact]
    public void The_hook_makes_exactly_the_keys_main_parameters_reads_for_the_generated_secure_parameters()
    {
        RunHook();

        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!;
        Assert.Equal("${GENAGENT_WORKER_API_KEY=}", file["gpuWorkerApiKey"]!["value"]!.ToString());
        Assert.Equal("${GENAGENT_LINK_KEY=}", file["apiLinkKey"]!["value"]!.ToString());
        Assert.Equal(["GENAGENT_LINK_KEY", "GENAGENT_WORKER_API_KEY"], Environment().Keys.Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
