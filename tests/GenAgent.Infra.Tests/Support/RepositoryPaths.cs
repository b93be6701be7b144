using System.Reflection;

namespace GenAgent.Infra.Tests.Support;

/// <summary>Where the checkout and the NuGet packages are, as recorded when this assembly was built.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>NUGET_PACKAGES when set (what restore used), else the root recorded at build time, else ~/.nuget/packages.</summary>
    public static string NuGetPackageRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment) return fromEnvironment;
            if (Metadata("NuGetPackageRoot") is { Length: > 0 } recorded) return recorded;
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
    }

    private static string FindRoot()
    {
        var root = Metadata("RepositoryRoot") ?? throw new InvalidOperationException("The build recorded no repository root.");
        return File.Exists(Path.Combine(root, "GenAgent.sln"))
            ? root
            : throw new InvalidOperationException($"No GenAgent.sln in {root}, the checkout this assembly was built from.");
    }

    private static string? Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value;
}
