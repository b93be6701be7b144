using Microsoft.Extensions.Configuration;

namespace GenAgent.Core.Configuration;

/// <summary>
/// Named profiles: <c>GenAgent:Profiles:&lt;name&gt;</c> holds a partial <see cref="GenAgentOptions"/>.
/// The profile supplies defaults and settings outside <c>Profiles</c> (environment, user-secrets,
/// command line) win over it, so a key set in the environment is never shadowed by a profile.
/// Built-in profiles come from <see cref="BuiltInProfiles"/>; a user's configuration can add or override any.
/// </summary>
public static class ProfileConfiguration
{
    public const string DefaultProfile = "offline";

    /// <summary>The configuration key that selects a profile when no flag does.</summary>
    public const string ProfileKey = "GenAgent:Profile";

    /// <summary>Binds the options for <paramref name="profile"/>, or throws naming the profiles that exist.</summary>
    public static GenAgentOptions Bind(IConfiguration configuration, string? profile)
    {
        var name = string.IsNullOrWhiteSpace(profile) ? DefaultProfile : profile;
        var root = configuration.GetSection(GenAgentOptions.SectionName);
        var profiles = root.GetSection("Profiles");
        var section = profiles.GetSection(name);
        if (!section.Exists())
        {
            var known = profiles.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal);
            throw new InvalidOperationException(
                $"Unknown profile '{name}'. Known profiles: {string.Join(", ", known)}. Add one under GenAgent:Profiles:{name}.");
        }

        var options = new GenAgentOptions();
        section.Bind(options);
        root.Bind(options);
        return options;
    }
}
