using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Core.Configuration;

public static class GenAgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the agent <c>IChatClient</c>, <c>IImageGenerator</c>, <c>IImageEditor</c> (when an editor backend is set)
    /// and <c>IImageStore</c> chosen by <paramref name="options"/>, with HTTP clients from IHttpClientFactory and the
    /// standard resilience handler. Throws a clear error when a backend needs a setting that is missing.
    /// </summary>
    public static IServiceCollection AddGenAgentCore(this IServiceCollection services, GenAgentOptions options) =>
        throw new NotImplementedException("backends helper");
}
