using GenAgent.Core.Backends;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace GenAgent.Core.Tests.Backends;

/// <summary>HttpClients built exactly as the product builds them, with delays shrunk so the tests stay fast.</summary>
internal static class TestHttp
{
    /// <summary>Short backoff; timeouts stay as the options say unless <paramref name="attemptTimeout"/> overrides them.</summary>
    public static Action<HttpStandardResilienceOptions> Fast(TimeSpan? attemptTimeout = null) => options =>
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        if (attemptTimeout is { } attempt)
        {
            options.AttemptTimeout.Timeout = attempt;
            options.TotalRequestTimeout.Timeout = attempt * 4;
            options.CircuitBreaker.SamplingDuration = attempt * 3;
        }
    };

    public static HttpClient Client(TimeSpan? attemptTimeout = null, int timeoutSeconds = 30)
    {
        var services = new ServiceCollection();
        services.AddBackendHttpClient("test", timeoutSeconds, Fast(attemptTimeout));
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("test");
    }
}
