using GenAgent.Bot.Hosting;
using Microsoft.Extensions.Hosting;

try
{
    await using var bot = await BotHost.BuildAsync(args);
    await Console.Error.WriteLineAsync(
        $"genagent bot: gateway worker, profile {bot.Settings.Profile}, " +
        (bot.Settings.Durable is null ? "in-process engine (sessions end with this process)." : $"Azure Storage engine, task hub {bot.Settings.TaskHub}."));
    await bot.Host.RunAsync();
    return 0;
}
catch (BotConfigurationException unusable)
{
    await Console.Error.WriteLineAsync("genagent bot: " + unusable.Message);
    return 2;
}
