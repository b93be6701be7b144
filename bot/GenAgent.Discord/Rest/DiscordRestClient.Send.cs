using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Rest;

/// <summary>Sending: the rate limiter, the bounded retries and error decoding.</summary>
public sealed partial class DiscordRestClient
{
    private async Task<T> SendAsync<T>(DiscordRoute route, Func<HttpContent>? content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var body = await SendCoreAsync(route, content, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new DiscordApiException(200, null, $"{route.Key} answered with an empty body.", route.Key, !route.UsesBotToken);
        }
        catch (JsonException e)
        {
            throw new DiscordApiException(200, null, $"{route.Key} answered with JSON this client cannot read: {e.Message}", route.Key, !route.UsesBotToken, e);
        }
    }

    private Task SendAsync(DiscordRoute route, Func<HttpContent>? content, CancellationToken cancellationToken) =>
        SendCoreAsync(route, content, cancellationToken);

    private async Task<byte[]> SendCoreAsync(DiscordRoute route, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = attempt < options.MaxRetries;
            if (limiter.InvalidBudgetWait() is { } wait)
            {
                // Refused here, never sent: past the budget the next 401/403/429 could get the IP banned for an hour.
                throw new DiscordRateLimitedException(
                    $"{route.Key} was not sent: {limiter.InvalidRequests} invalid responses (401/403/429) in the last 10 minutes reached the limit of {options.InvalidRequestLimit}; Discord bans the IP at 10,000. Sending resumes in {wait.TotalSeconds:F0} s.",
                    wait,
                    global: true,
                    route.Key,
                    !route.UsesBotToken);
            }

            var bucket = await limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            HttpStatusCode status;
            byte[] body;
            System.Net.Http.Headers.HttpResponseHeaders headers;
            try
            {
                using var request = new HttpRequestMessage(route.Method, route.Path) { Content = content?.Invoke() };
                if (route.UsesBotToken)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bot", options.BotToken);
                }

                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
                headers = response.Headers;
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                limiter.Update(route, bucket, headers);
                limiter.CountResponse((int)status, DiscordRateLimiter.Header(headers, "X-RateLimit-Scope"));
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                limiter.Release(bucket);
                if (!canRetry)
                {
                    throw new DiscordApiException(0, null, $"{route.Key} failed after {attempt + 1} attempts: {e.Message}", route.Key, !route.UsesBotToken, e);
                }

                var delay = Backoff(attempt);
                logger.TransportRetry(route.Key, attempt + 1, delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if ((int)status == 429)
            {
                var limit = ReadRateLimit(body, headers);
                var scope = DiscordRateLimiter.Header(headers, "X-RateLimit-Scope");
                var global = limit.Global || DiscordRateLimiter.Header(headers, "X-RateLimit-Global") == "true" || scope == "global";
                var retryAfter = TimeSpan.FromSeconds(Math.Max(limit.RetryAfter, 0));
                limiter.OnRateLimited(route, bucket, retryAfter, global, scope);
                limiter.Release(bucket);
                if (!canRetry || retryAfter > options.MaxRateLimitWait)
                {
                    throw new DiscordRateLimitedException(
                        $"{route.Key} was rate limited ({(global ? "global" : scope ?? "bucket")}) for {retryAfter.TotalSeconds:F2} s after {attempt + 1} attempts.",
                        retryAfter,
                        global,
                        route.Key,
                        !route.UsesBotToken);
                }

                continue;
            }

            limiter.Release(bucket);
            if ((int)status < 300)
            {
                return body;
            }

            if ((int)status >= 500 && canRetry)
            {
                var delay = Backoff(attempt);
                logger.ServerErrorRetry(route.Key, (int)status, attempt + 1, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw Error(route, status, body);
        }
    }

    /// <summary>Exponential from <see cref="DiscordOptions.RetryBaseDelay"/>, with ±50 % jitter so many clients do not retry in step.</summary>
    private TimeSpan Backoff(int attempt) =>
        options.RetryBaseDelay * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble());

    private static DiscordApiException Error(DiscordRoute route, HttpStatusCode status, byte[] body)
    {
        ApiError? error = null;
        try
        {
            error = body.Length > 0 ? JsonSerializer.Deserialize(body, DiscordJsonContext.Default.ApiError) : null;
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: the status alone has to do.
            error = null;
        }

        var detail = error?.Errors is { } errors ? " " + errors.GetRawText() : "";
        return new DiscordApiException(
            (int)status,
            error?.Code,
            $"{route.Key} failed with {(int)status} {status}: {error?.Code} {error?.Message}{detail}".TrimEnd(),
            route.Key,
            !route.UsesBotToken);
    }

    private static RateLimitResponse ReadRateLimit(byte[] body, System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        try
        {
            if (body.Length > 0 && JsonSerializer.Deserialize(body, DiscordJsonContext.Default.RateLimitResponse) is { } parsed)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
            // Cloudflare's 429 is not JSON; the Retry-After header still tells how long.
        }

        return FromHeader(headers);
    }

    private static RateLimitResponse FromHeader(System.Net.Http.Headers.HttpResponseHeaders headers) =>
        new() { RetryAfter = double.TryParse(DiscordRateLimiter.Header(headers, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 1 };

    /// <summary>Checks Discord's size limits before sending, so a bad message fails here with the reason.</summary>
    private static void Validate(string? content, IReadOnlyList<Embed>? embeds, IReadOnlyList<Component>? components, IReadOnlyList<FileAttachment>? files)
    {
        if (content is { Length: > DiscordLimits.MessageContentLength })
        {
            throw new ArgumentException($"Message content has {content.Length} characters; Discord allows {DiscordLimits.MessageContentLength}.");
        }

        if (embeds is not null)
        {
            if (embeds.Count > DiscordLimits.EmbedsPerMessage)
            {
                throw new ArgumentException($"A message carries at most {DiscordLimits.EmbedsPerMessage} embeds.");
            }

            var total = 0;
            foreach (var embed in embeds)
            {
                Check(embed.Title, DiscordLimits.EmbedTitleLength, "embed title");
                Check(embed.Description, DiscordLimits.EmbedDescriptionLength, "embed description");
                Check(embed.Footer?.Text, DiscordLimits.EmbedFooterLength, "embed footer");
                Check(embed.Author?.Name, DiscordLimits.EmbedAuthorNameLength, "embed author");
                if (embed.Fields is { Count: > DiscordLimits.EmbedFields })
                {
                    throw new ArgumentException($"An embed has at most {DiscordLimits.EmbedFields} fields.");
                }

                foreach (var field in embed.Fields ?? [])
                {
                    Check(field.Name, DiscordLimits.EmbedFieldNameLength, "embed field name");
                    Check(field.Value, DiscordLimits.EmbedFieldValueLength, "embed field value");
                    total += field.Name.Length + field.Value.Length;
                }

                total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0) + (embed.Author?.Name.Length ?? 0);
            }

            if (total > DiscordLimits.EmbedTotalLength)
            {
                throw new ArgumentException($"The embeds have {total} characters together; Discord allows {DiscordLimits.EmbedTotalLength}.");
            }
        }

        if (components is not null)
        {
            if (components.Count > DiscordLimits.ActionRowsPerMessage)
            {
                throw new ArgumentException($"A message has at most {DiscordLimits.ActionRowsPerMessage} action rows.");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in components)
            {
                if (row.Components is { Count: > DiscordLimits.ButtonsPerRow })
                {
                    throw new ArgumentException($"An action row holds at most {DiscordLimits.ButtonsPerRow} buttons.");
                }

                foreach (var child in row.Components ?? [])
                {
                    Check(child.Label, DiscordLimits.ButtonLabelLength, "button label");
                    Check(child.CustomId, DiscordLimits.CustomIdLength, "custom_id");
                    if (child.CustomId is { } id && !ids.Add(id))
                    {
                        throw new ArgumentException($"custom_id '{id}' appears twice; it must be unique per message.");
                    }
                }
            }
        }

        if (files is { Count: > 0 })
        {
            if (files.Count > DiscordLimits.FilesPerMessage)
            {
                throw new ArgumentException($"A message carries at most {DiscordLimits.FilesPerMessage} files.");
            }

            var bytes = files.Sum(f => (long)f.Content.Length);
            if (bytes > DiscordLimits.RequestBytes)
            {
                // The same shape Discord answers with, so callers handle "too large" (downscale, re-encode) in one place.
                throw new DiscordApiException(413, DiscordErrorCodes.RequestEntityTooLarge, $"The files have {bytes} bytes together; a request carries at most {DiscordLimits.RequestBytes}.");
            }

            if (files.Any(f => string.IsNullOrWhiteSpace(f.FileName)))
            {
                throw new ArgumentException("Every file needs a file name.");
            }
        }
    }

    private static void Check(string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"The {what} has {value.Length} characters; Discord allows {max}.");
        }
    }
}
