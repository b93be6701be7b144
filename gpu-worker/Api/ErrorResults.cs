using GenAgent.GpuWorker.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GenAgent.GpuWorker.Api;

/// <summary>Error answers in OpenAI's envelope, so OpenAI SDKs surface the message instead of a parse failure.</summary>
internal static class ErrorResults
{
    public const string InvalidRequest = "invalid_request_error";

    public static JsonHttpResult<ErrorBody> Create(int status, string message, string type, string? param, string? code) =>
        TypedResults.Json(
            new ErrorBody(new ErrorDetail(message, type, param, code)),
            WorkerJsonContext.Default.ErrorBody,
            contentType: "application/json",
            statusCode: status);

    public static JsonHttpResult<ErrorBody> BadRequest(InvalidRequestException ex) =>
        Create(StatusCodes.Status400BadRequest, ex.Message, InvalidRequest, ex.Param, ex.Code);
}
