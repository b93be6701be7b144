using GenAgent.Core.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GenAgent.Api.Sessions;

/// <summary>The problem-details answers the handlers give; a 400 always names the field at fault.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    public static ValidationProblem Fields(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.");

    /// <summary>413 with the same field-keyed errors a 400 carries.</summary>
    public static ProblemHttpResult TooLarge(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request is too large.",
        });

    public static ProblemHttpResult UnknownSession(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such session.", detail: $"There is no session '{id}'.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    public static ProblemHttpResult Ended(string id, string status) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The session has ended.", detail: $"Session '{id}' is {status}; start a new session instead.");

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.", detail: "Send the API key in the x-api-key header or as Authorization: Bearer <key>.");

    /// <summary>503 while the kill switch is on, 429 over a concurrency cap; the body names the limit and its use.</summary>
    public static ProblemHttpResult OverQuota(AdmissionResult refused) =>
        TypedResults.Problem(
            statusCode: refused.Limit == AdmissionLimit.KillSwitch ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests,
            title: refused.Limit == AdmissionLimit.KillSwitch ? "New sessions are switched off." : "Over quota.",
            detail: refused.Reason,
            extensions: new Dictionary<string, object?>
            {
                ["limit"] = refused.Limit.ToString(),
                ["inUse"] = refused.InUse,
                ["maximum"] = refused.Maximum,
            });
}
