using System.Reflection;

namespace GenAgent.Functions.Tests.Fakes;

internal static class RepositoryRoot
{
    /// <summary>The checkout this test assembly was built from (recorded at build time), checked to hold GenAgent.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var root = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value ?? throw new InvalidOperationException("The build recorded no repository root.");
        return File.Exists(System.IO.Path.Combine(root, "GenAgent.sln"))
            ? root
            : throw new InvalidOperationException($"No GenAgent.sln in {root}, the checkout this assembly was built from.");
    }
}
