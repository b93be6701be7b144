namespace GenAgent.Api.Wire;

/// <summary><see cref="Kind"/> is done, imageBudgetReached, turnBudgetReached, cancelled or failed.</summary>
internal sealed record OutcomeResponse(string Kind, string? Reason);
