using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GenAgent.Core.Backends;

/// <summary>The named <see cref="HttpClient"/>s the backends use, each behind the standard resilience handler.</summary>
public static class BackendHttpClients
{
    public const string Agent = "GenAgent.Agent";
    public const string Generator = "GenAgent.Generator";
    public const string Editor = "GenAgent.Editor";
    public const string Judge = "GenAgent.Judge";

    /// <summary>Retries per call in the HTTP layer; the durable retry policy above it decides whether to try again later.</summary>
    public const int MaxRetries = 2;

    /// <summary>Caps one backoff wait, a server's Retry-After included.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Adds the named client <paramref name="name"/>. Each attempt may take <paramref name="timeoutSeconds"/>; the
    /// whole call may take every attempt plus the backoff between them. <paramref name="tune"/> lets tests shrink the delays.
    /// </summary>
    /// <remarks>
    /// The handler retries POSTs too. A 429 or 5xx means the server declined or failed, so nothing billable was
    /// produced; a refused connection never reached it. Only an attempt timeout can repeat a paid call, because the
    /// server may have kept working on a request it never answered.
    /// </remarks>
    internal static IHttpClientBuilder AddBackendHttpClient(
        this IServiceCollection services, string name, int timeoutSeconds, Action<HttpStandardResilienceOptions>? tune = null)
    {
        var attempt = TimeSpan.FromSeconds(timeoutSeconds);
        var builder = services
            // The resilience handler owns timeouts; HttpClient's own 100 s default would cut long generations short.
            .AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The agent's client lives as long as the process; pooled connections still pick up DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        builder.AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = MaxRetries;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.ShouldRetryAfterHeader = true;
            options.Retry.MaxDelay = MaxRetryDelay;
            options.AttemptTimeout.Timeout = attempt;
            options.TotalRequestTimeout.Timeout = attempt * (MaxRetries + 1) + MaxRetryDelay * MaxRetries;
            // The handler validates that the breaker samples at least two attempts' worth of time.
            options.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(1);
            tune?.Invoke(options);
        });
        return builder;
    }
}
