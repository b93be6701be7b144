using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Bicep;

/// <summary>
/// lint, build and format over every .bicep file under infra/. Bicep reports type errors (BCP037, BCP089, ...) as
/// warnings and exits 0, so any diagnostic output at all fails these checks.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class BicepCheckTests(BicepWorkspace workspace)
{
    [Fact]
    public void Infra_holds_the_main_template_and_a_module_per_concern()
    {
        Assert.Contains("main.bicep", workspace.Sources);
        foreach (var module in new[] { "identity", "monitoring", "storage", "models-storage", "keyvault", "registry", "roles", "functions", "container-env", "gpu-worker", "bot", "eventgrid" })
        {
            Assert.Contains(Path.Combine("app", module + ".bicep"), workspace.Sources);
        }
    }

    [Fact]
    public void Lint_reports_nothing()
    {
        Assert.True(workspace.Lint.ExitCode == 0, workspace.Lint.Describe());
        Assert.True(Clean(workspace.Lint), workspace.Lint.Describe());
    }

    [Fact]
    public void Build_reports_nothing_and_compiles_every_file()
    {
        Assert.True(workspace.Build.ExitCode == 0, workspace.Build.Describe());
        Assert.True(Clean(workspace.Build), workspace.Build.Describe());
        var missing = workspace.Compiled.Where(c => c.Value is null).Select(c => c.Key).ToArray();
        Assert.True(missing.Length == 0, "No ARM JSON was built for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_file_is_formatted_as_bicep_format_writes_it()
    {
        Assert.True(workspace.Format.ExitCode == 0 && Clean(workspace.Format), workspace.Format.Describe());
        var unformatted = workspace.Sources
            .Where(s => File.ReadAllText(Path.Combine(RepositoryPaths.Infra, s)) != workspace.Formatted[s])
            .ToArray();
        Assert.True(unformatted.Length == 0, "Not formatted (run `bicep format` on them): " + string.Join(", ", unformatted));
    }

    [Fact]
    public void The_check_fails_on_a_type_error_that_exits_zero()
    {
        // Proves the premise the checks above rely on: a type error is only a warning and the exit code is 0.
        var folder = Directory.CreateTempSubdirectory("genagent-bicep-probe-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe.bicep"), """
                resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'stprobe'
                  location: 'westeurope'
                  kind: 'StorageV2'
                  sku: {
                    name: 'Standard_LRS'
                  }
                  properties: {
                    notAProperty: true
                  }
                }

                """);
            var run = BicepCli.Run(folder, "build", "probe.bicep");
            Assert.Equal(0, run.ExitCode);
            Assert.True(File.Exists(Path.Combine(folder, "probe.json")), run.Describe());
            Assert.False(Clean(run));
            Assert.Contains("BCP037", run.Stderr + run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>No diagnostics: writing to files (no --stdout), a clean run prints nothing at all.</summary>
    private static bool Clean(BicepRun run) => run.Stderr.Trim().Length == 0 && run.Stdout.Trim().Length == 0;
}
