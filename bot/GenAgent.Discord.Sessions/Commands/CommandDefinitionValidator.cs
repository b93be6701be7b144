using System.Text.RegularExpressions;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Commands;

/// <summary>
/// Checks command definitions against Discord's documented limits (<see cref="DiscordLimits"/>) before they are sent:
/// lowercase names of 1-32 characters, descriptions of 1-100, at most 25 options and choices, required options first.
/// </summary>
public static partial class CommandDefinitionValidator
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var problems = new List<string>();
        foreach (var command in commands)
        {
            CheckName(command.Name, command.Name, problems);
            CheckDescription(command.Name, command.Description, problems);
            CheckOptions(command.Name, command.Options, problems);
        }
        foreach (var duplicate in commands.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            problems.Add($"/{duplicate.Key}: defined {duplicate.Count()} times.");
        return problems;
    }

    public static void ThrowIfInvalid(IReadOnlyList<ApplicationCommand> commands)
    {
        var problems = Validate(commands);
        if (problems.Count > 0) throw new InvalidCommandDefinitionException(problems);
    }

    private static void CheckOptions(string path, IReadOnlyList<ApplicationCommandOption>? options, List<string> problems)
    {
        if (options is null) return;
        if (options.Count > DiscordLimits.CommandOptions)
            problems.Add($"/{path}: {options.Count} options; the limit is {DiscordLimits.CommandOptions}.");
        var seenOptional = false;
        foreach (var option in options)
        {
            var here = $"{path} {option.Name}";
            CheckName(here, option.Name, problems);
            CheckDescription(here, option.Description, problems);
            if (option.Required == true && seenOptional) problems.Add($"/{here}: a required option must come before every optional one.");
            if (option.Required != true) seenOptional = true;
            if (option.Choices is { } choices)
            {
                if (choices.Count > DiscordLimits.ChoicesPerOption)
                    problems.Add($"/{here}: {choices.Count} choices; the limit is {DiscordLimits.ChoicesPerOption}.");
                if (option.Autocomplete == true) problems.Add($"/{here}: an option cannot have both choices and autocomplete.");
                foreach (var choice in choices.Where(c => c.Name.Length is < 1 or > 100))
                    problems.Add($"/{here}: choice name '{choice.Name}' must be 1-100 characters.");
            }
            if (option.MaxLength is > DiscordLimits.StringOptionLength)
                problems.Add($"/{here}: max_length {option.MaxLength} is over {DiscordLimits.StringOptionLength}.");
            var isGroup = option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            if (!isGroup && option.Options is not null) problems.Add($"/{here}: only subcommands have options of their own.");
            if (isGroup) CheckOptions(here, option.Options, problems);
        }
        foreach (var duplicate in options.GroupBy(o => o.Name).Where(g => g.Count() > 1))
            problems.Add($"/{path}: option '{duplicate.Key}' appears {duplicate.Count()} times.");
    }

    private static void CheckName(string path, string name, List<string> problems)
    {
        if (name.Length is < 1 or > DiscordLimits.CommandNameLength || !NamePattern().IsMatch(name))
            problems.Add($"/{path}: the name '{name}' must be 1-{DiscordLimits.CommandNameLength} lowercase letters, digits, '-' or '_'.");
    }

    private static void CheckDescription(string path, string description, List<string> problems)
    {
        if (description.Length is < 1 or > DiscordLimits.CommandDescriptionLength)
            problems.Add($"/{path}: the description is {description.Length} characters; it must be 1-{DiscordLimits.CommandDescriptionLength}.");
    }

    [GeneratedRegex(@"^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
