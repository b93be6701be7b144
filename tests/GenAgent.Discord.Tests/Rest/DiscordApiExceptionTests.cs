using GenAgent.Discord.Rest;

namespace GenAgent.Discord.Tests.Rest;

/// <summary>Which refusals mean the interaction token expired: only Discord's token codes, never "Unknown message".</summary>
public class DiscordApiExceptionTests
{
    [Theory]
    [InlineData(401, DiscordErrorCodes.InvalidWebhookToken, true, true)]
    [InlineData(401, DiscordErrorCodes.InvalidWebhookToken, false, true)]
    [InlineData(404, DiscordErrorCodes.UnknownWebhook, true, true)]
    [InlineData(404, DiscordErrorCodes.UnknownInteraction, true, true)]
    [InlineData(401, null, true, true)]
    [InlineData(404, DiscordErrorCodes.UnknownMessage, true, false)]
    [InlineData(404, null, true, false)]
    [InlineData(403, DiscordErrorCodes.MissingAccess, true, false)]
    [InlineData(404, DiscordErrorCodes.UnknownWebhook, false, false)]
    public void Only_token_codes_mean_an_expired_token(int status, int? code, bool webhookRoute, bool expired)
    {
        var error = new DiscordApiException(status, code, "refused", "PATCH /webhooks/{application}/{token}/messages/@original", webhookRoute);

        Assert.Equal(expired, error.IsExpiredInteractionToken);
    }
}
