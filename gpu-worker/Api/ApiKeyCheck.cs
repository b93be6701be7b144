using System.Security.Cryptography;
using System.Text;
using GenAgent.GpuWorker.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenAgent.GpuWorker.Api;

/// <summary>
/// With <c>Worker:ApiKey</c> set, every route but <c>/health</c> (the platform's probes carry no key) needs
/// <c>Authorization: Bearer &lt;key&gt;</c>, the header OpenAI clients send, so a public worker URL cannot be used to run
/// up GPU time.
/// </summary>
internal static class ApiKeyCheck
{
    public static void UseWorkerApiKey(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(key)) return;
        var expected = Encoding.UTF8.GetBytes(key);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || Presented(context.Request, expected))
            {
                await next(context);
                return;
            }
            await ErrorResults.Create(StatusCodes.Status401Unauthorized, "Missing or wrong API key: send Authorization: Bearer <Worker:ApiKey>.",
                "invalid_request_error", null, "invalid_api_key").ExecuteAsync(context);
        });
    }

    private static bool Presented(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
