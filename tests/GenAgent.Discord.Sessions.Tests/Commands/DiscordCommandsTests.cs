using GenAgent.Discord.Sessions.Commands;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Tests.Commands;

public sealed class DiscordCommandsTests
{
    [Fact]
    public void The_definitions_respect_discord_limits()
    {
        var commands = DiscordCommands.All();

        Assert.Empty(CommandDefinitionValidator.Validate(commands));
        Assert.Equal(["imagine", "settings", "status", "cancel"], commands.Select(c => c.Name));
        var imagine = commands[0];
        Assert.Equal(["prompt", "effort", "image", "private", "aspect"], imagine.Options!.Select(o => o.Name));
        Assert.True(imagine.Options![0].Required);
        Assert.Equal(["low", "medium", "high"], imagine.Options[1].Choices!.Select(c => c.Value.GetString()));
        Assert.Equal(ApplicationCommandOptionType.Attachment, imagine.Options[2].Type);
        Assert.True(commands.Single(c => c.Name == "cancel").Options!.Single().Autocomplete);
    }

    [Fact]
    public void Imagine_offers_a_negative_prompt_only_for_a_generator_that_takes_one()
    {
        var offered = DiscordCommands.All(negativePrompts: true)[0];

        Assert.Empty(CommandDefinitionValidator.Validate(DiscordCommands.All(negativePrompts: true)));
        Assert.Equal("negative", offered.Options![^1].Name);
        Assert.DoesNotContain(DiscordCommands.All()[0].Options!, o => o.Name == "negative");
    }

    [Fact]
    public void The_prompt_option_follows_the_api_prompt_limit()
    {
        var imagine = DiscordCommands.All(maxPromptLength: 500)[0];

        Assert.Equal(500, imagine.Options![0].MaxLength);
    }

    [Fact]
    public void The_validator_names_each_broken_limit()
    {
        var tooMany = Enumerable.Range(0, 26).Select(i => ApplicationCommandChoice.Of($"c{i}", $"v{i}")).ToList();
        ApplicationCommand broken = new()
        {
            Name = "Imagine",
            Description = new string('x', 101),
            Options =
            [
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "style", Description = "a style", Choices = tooMany },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "prompt", Description = "what", Required = true },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "this-name-is-far-too-long-for-discord", Description = "x" },
            ],
        };

        var problems = CommandDefinitionValidator.Validate([broken]);

        Assert.Contains(problems, p => p.Contains("'Imagine'", StringComparison.Ordinal) && p.Contains("lowercase", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("101 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("26 choices", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("prompt", StringComparison.Ordinal) && p.Contains("required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("this-name-is-far-too-long-for-discord", StringComparison.Ordinal));
        Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.ThrowIfInvalid([broken]));
    }
}
