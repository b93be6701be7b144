namespace GenAgent.Api.Sessions;

/// <summary>Request values the API cannot accept, keyed by their JSON path, for the 400 answer.</summary>
internal sealed class InvalidInputException : Exception
{
    public InvalidInputException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Too large to read (a body or an image past the limit): 413 rather than 400, so a client knows to send less.</summary>
    public bool TooLarge { get; init; }
}
