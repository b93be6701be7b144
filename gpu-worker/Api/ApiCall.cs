using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Configuration;
using GenAgent.GpuWorker.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker.Api;

/// <summary>
/// Turns the typed failures of a handler into their status codes, in one place for every endpoint:
/// 400 invalid request, 413 body too large, 429 queue full (with Retry-After), 504 timeout, 500 anything else.
/// </summary>
internal static class ApiCall
{
    public static async Task<Results<Ok<T>, JsonHttpResult<ErrorBody>>> RunAsync<T>(
        HttpContext context, string endpoint, WorkerOptions options, ILogger logger, Func<Task<T>> handler)
    {
        try
        {
            return TypedResults.Ok(await handler().ConfigureAwait(false));
        }
        catch (InvalidRequestException ex)
        {
            Logs.RequestRefused(logger, endpoint, StatusCodes.Status400BadRequest, ex.Code, ex.Message);
            return ErrorResults.BadRequest(ex);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own refusals while reading the body: too large (413), truncated upload (400).
            Logs.RequestRefused(logger, endpoint, ex.StatusCode, "bad_http_request", ex.Message);
            return ErrorResults.Create(ex.StatusCode, ex.Message, ErrorResults.InvalidRequest, null, "bad_http_request");
        }
        catch (QueueFullException ex)
        {
            context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Logs.RequestRefused(logger, endpoint, StatusCodes.Status429TooManyRequests, "queue_full", ex.Message);
            return ErrorResults.Create(StatusCodes.Status429TooManyRequests, ex.Message, "rate_limit_error", null, "queue_full");
        }
        catch (RequestTimedOutException ex)
        {
            Logs.RequestTimedOut(logger, endpoint, options.RequestTimeoutSeconds);
            return ErrorResults.Create(StatusCodes.Status504GatewayTimeout, ex.Message, "timeout_error", null, "request_timeout");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; nobody reads this answer, but the access log and metrics see 499 as nginx does.
            return ErrorResults.Create(499, "The client closed the request.", "client_closed_request", null, "client_closed");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logs.GenerationFailed(logger, ex, endpoint);
            return ErrorResults.Create(StatusCodes.Status500InternalServerError, $"The worker failed: {ex.Message}", "server_error", null, "internal_error");
        }
    }
}
