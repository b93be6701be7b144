using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Gateway;

/// <summary>
/// What the application does with gateway events. Calls come one at a time, in order, off the receive loop, so a slow
/// handler delays later events but never heartbeats. An exception is logged and the next event still comes.
/// </summary>
public interface IGatewayDispatchHandler
{
    /// <summary>After each IDENTIFY (not after a RESUME): the bot's own user, to recognise mentions of it.</summary>
    Task OnReadyAsync(DiscordUser botUser, CancellationToken cancellationToken);

    /// <summary>Every MESSAGE_CREATE, including the bot's own and other bots' (check <c>author.bot</c>).</summary>
    Task OnMessageCreateAsync(DiscordMessage message, CancellationToken cancellationToken);
}
