using GenAgent.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GenAgent.Infra.Tests.Azd;

/// <summary>azure.yaml: what `azd up` deploys where. Parsed as YAML; every service's host and project checked.</summary>
public sealed class AzureYamlTests
{
    private readonly YamlMappingNode _root = Load();

    [Theory]
    [InlineData("api", "function", "./functions", "GenAgent.Functions.csproj")]
    [InlineData("gpu-worker", "containerapp", "./gpu-worker", "GenAgent.GpuWorker.csproj")]
    [InlineData("bot", "containerapp", "./bot", "GenAgent.Bot.csproj")]
    public void Each_service_has_its_host_and_an_existing_project(string service, string host, string project, string projectFile)
    {
        var node = Mapping(Mapping(_root, "services"), service);
        Assert.Equal(host, Scalar(node, "host"));
        Assert.Equal(project, Scalar(node, "project"));
        Assert.Equal("dotnet", Scalar(node, "language"));
        var folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, project));
        Assert.True(File.Exists(Path.Combine(folder, projectFile)), $"{service}: no {projectFile} in {folder}");
        if (host == "containerapp")
        {
            // Container apps build from their Dockerfile; the context is the repository root, which holds core/.
            var docker = Mapping(node, "docker");
            Assert.Equal("./Dockerfile", Scalar(docker, "path"));
            Assert.Equal("..", Scalar(docker, "context"));
        }
    }

    [Fact]
    public void The_services_are_exactly_those_the_templates_tag()
    {
        var services = Mapping(_root, "services").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal);
        Assert.Equal(["api", "bot", "gpu-worker"], services);
        var tagged = Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"'azd-service-name': '([a-z-]+)'"))
            .Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal);
        Assert.Equal(services, tagged);
    }

    [Fact]
    public void Infra_and_hooks_point_at_files_that_exist()
    {
        Assert.Equal("genagent", Scalar(_root, "name"));
        var infra = Mapping(_root, "infra");
        Assert.Equal("bicep", Scalar(infra, "provider"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, Scalar(infra, "path"), Scalar(infra, "module") + ".bicep")));

        var hooks = Mapping(_root, "hooks");
        foreach (var hook in new[] { "preprovision", "postprovision", "postdeploy" })
        {
            var run = Scalar(Mapping(hooks, hook), "run");
            var script = Path.Combine(RepositoryPaths.Root, run);
            Assert.True(File.Exists(script), $"{hook}: {run} does not exist");
            if (!OperatingSystem.IsWindows())
            {
                Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{run} is not executable");
            }
            Assert.StartsWith("#!/bin/sh", File.ReadAllText(script), StringComparison.Ordinal);
        }
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? Assert.IsType<YamlMappingNode>(child)
            : throw new Xunit.Sdk.XunitException($"azure.yaml has no '{key}'.");

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? Assert.IsType<YamlScalarNode>(child).Value ?? ""
            : throw new Xunit.Sdk.XunitException($"azure.yaml has no '{key}' under this node.");
}
