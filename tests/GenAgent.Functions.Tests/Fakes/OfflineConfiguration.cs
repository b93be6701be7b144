using GenAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Functions.Tests.Fakes;

/// <summary>Configuration as the Functions host would pass it: the offline profile and a local store at a given path.</summary>
internal static class OfflineConfiguration
{
    public static IConfiguration For(string storePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(BuiltInProfiles.Values)
        {
            [ProfileConfiguration.ProfileKey] = "offline",
            ["GenAgent:Store:Kind"] = "local",
            ["GenAgent:Store:Path"] = storePath,
            // The Functions host always has its storage setting; nothing connects until a storage trigger runs.
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
