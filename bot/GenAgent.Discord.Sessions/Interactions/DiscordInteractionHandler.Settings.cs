using System.Text;
using GenAgent.Discord.Sessions.Commands;
using GenAgent.Discord.Sessions.Settings;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Interactions;

public sealed partial class DiscordInteractionHandler
{
    /// <summary>Guild lists are capped so a settings blob stays small and a refusal message stays readable.</summary>
    private const int MaxListEntries = 100;

    /// <summary><c>/settings</c>: <c>user</c> for anyone; <c>show</c>, <c>channels</c>, <c>nsfw</c>, <c>limits</c>, <c>blocklist</c> for guild admins.</summary>
    private async Task<InteractionResponse> SettingsAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var sub = interaction.Data?.Options?.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommand);
        if (sub is null || UserId(interaction) is not { } userId) return InteractionReplies.Ephemeral("Choose what to set: /settings user, channels, nsfw, limits or blocklist.");
        if (sub.Name == CommandNames.User) return await UserSettingsAsync(userId, sub, cancellationToken).ConfigureAwait(false);

        if (interaction.GuildId is not { } guildId) return InteractionReplies.Ephemeral("Server settings only exist in a server.");
        var guild = await settings.GetGuildAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (sub.Name == CommandNames.Show) return InteractionReplies.Ephemeral(Describe(guild));
        if (!MemberPermissions.IsGuildAdmin(interaction))
            return InteractionReplies.Ephemeral("Only server admins (Administrator or Manage Server) can change GenAgent's server settings.");

        var (changed, message) = sub.Name switch
        {
            CommandNames.Channels => EditList(guild, sub, CommandNames.Channel, guild.AllowedChannels, list => guild with { AllowedChannels = list }, c => $"<#{c}>"),
            CommandNames.Blocklist => EditList(guild, sub, CommandNames.Term, guild.Blocklist, list => guild with { Blocklist = list }, t => $"\"{t}\""),
            CommandNames.Nsfw => SetNsfw(guild, sub),
            CommandNames.Limits => SetLimits(guild, sub),
            _ => (null, $"Unknown setting {sub.Name}."),
        };
        if (changed is not null) await settings.SaveGuildAsync(guildId, changed, cancellationToken).ConfigureAwait(false);
        return InteractionReplies.Ephemeral(message);
    }

    private async Task<InteractionResponse> UserSettingsAsync(string userId, InteractionDataOption sub, CancellationToken cancellationToken)
    {
        var current = await settings.GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!TryParseEffort(Option(sub, CommandNames.Effort)?.AsString(), out var effort, out var badEffort))
            return InteractionReplies.Ephemeral(badEffort);
        var threads = Option(sub, CommandNames.Threads)?.AsBoolean();
        var isPrivate = Option(sub, CommandNames.Private)?.AsBoolean();
        var next = current with
        {
            Effort = effort ?? current.Effort,
            Threads = threads ?? current.Threads,
            Private = isPrivate ?? current.Private,
        };
        if (next != current) await settings.SaveUserAsync(userId, next, cancellationToken).ConfigureAwait(false);
        var verb = next == current ? "Your defaults" : "Saved. Your defaults";
        return InteractionReplies.Ephemeral(
            $"{verb}: effort {(next.Effort ?? options.DefaultEffort).ToString().ToLowerInvariant()}, " +
            $"threads {OnOff(next.Threads ?? options.DefaultThreads)}, private {OnOff(next.Private ?? false)}.");
    }

    private static (GuildSettings? Changed, string Message) EditList(
        GuildSettings guild, InteractionDataOption sub, string valueOption, IReadOnlyList<string> list, Func<IReadOnlyList<string>, GuildSettings> with, Func<string, string> show)
    {
        var action = Option(sub, CommandNames.Action)?.AsString();
        var value = Option(sub, valueOption)?.AsString()?.Trim();
        var listed = list.Count == 0 ? "(none)" : string.Join(", ", list.Select(show));
        switch (action)
        {
            case CommandNames.List:
                return (null, $"{sub.Name}: {listed}");
            case CommandNames.Add or CommandNames.Remove when string.IsNullOrEmpty(value):
                return (null, $"Say which {valueOption} to {action}.");
            case CommandNames.Add:
                if (list.Contains(value!, StringComparer.OrdinalIgnoreCase)) return (null, $"{show(value!)} is already listed.");
                if (list.Count >= MaxListEntries) return (null, $"The list is full ({MaxListEntries} entries); remove one first.");
                IReadOnlyList<string> added = [.. list, value!];
                return (with(added), $"Added {show(value!)}. {sub.Name}: {string.Join(", ", added.Select(show))}");
            case CommandNames.Remove:
                if (!list.Contains(value!, StringComparer.OrdinalIgnoreCase)) return (null, $"{show(value!)} is not listed. {sub.Name}: {listed}");
                return (with([.. list.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase))]), $"Removed {show(value!)}.");
            default:
                return (null, "Choose add, remove or list.");
        }
    }

    private static (GuildSettings? Changed, string Message) SetNsfw(GuildSettings guild, InteractionDataOption sub) =>
        Option(sub, CommandNames.Policy)?.AsString() switch
        {
            CommandNames.AgeRestricted => (guild with { Nsfw = NsfwPolicy.AgeRestrictedOnly }, "NSFW prompts now run only in age-restricted channels."),
            CommandNames.Never => (guild with { Nsfw = NsfwPolicy.Never }, "NSFW prompts are now refused everywhere in this server."),
            _ => (null, "Choose age-restricted or never."),
        };

    private (GuildSettings? Changed, string Message) SetLimits(GuildSettings guild, InteractionDataOption sub)
    {
        var concurrent = Option(sub, CommandNames.Concurrent)?.AsInt64();
        var cooldown = Option(sub, CommandNames.Cooldown)?.AsInt64();
        var quota = Option(sub, CommandNames.DailyQuota)?.AsInt64();
        if (concurrent is < 1 or > 100 || cooldown is < 0 or > 86400 || quota is < 0 or > 1_000_000)
            return (null, "Limits: concurrent 1-100, cooldown 0-86400 s, daily quota 0 (unlimited) to 1000000.");
        var next = guild with
        {
            MaxConcurrentPerUser = concurrent is { } c ? (int)c : guild.MaxConcurrentPerUser,
            CooldownSeconds = cooldown is { } s ? (int)s : guild.CooldownSeconds,
            DailyQuota = quota is { } q ? (q == 0 ? null : (int)q) : guild.DailyQuota,
        };
        return (next, "Saved. " + Describe(next));
    }

    private string Describe(GuildSettings guild)
    {
        var text = new StringBuilder("GenAgent in this server: ");
        text.Append(guild.AllowedChannels.Count == 0 ? "every channel" : "channels " + string.Join(", ", guild.AllowedChannels.Select(c => $"<#{c}>")));
        text.Append("; NSFW prompts ").Append(guild.Nsfw == NsfwPolicy.Never ? "never" : "only in age-restricted channels");
        text.Append("; ").Append(guild.MaxConcurrentPerUser ?? options.DefaultMaxConcurrentPerUser).Append(" running session(s) per user");
        text.Append("; cooldown ").Append(guild.CooldownSeconds).Append(" s");
        text.Append("; daily quota ").Append(guild.DailyQuota?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited");
        text.Append("; ").Append(guild.Blocklist.Count).Append(" blocked term(s).");
        return text.ToString();
    }

    private static InteractionDataOption? Option(InteractionDataOption sub, string name) => sub.Options?.FirstOrDefault(o => o.Name == name);

    private static string OnOff(bool value) => value ? "on" : "off";
}
