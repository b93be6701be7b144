using System.Text.Json;
using GenAgent.Workflow.Starting;

namespace GenAgent.Triggers.Requests;

/// <summary>
/// Reads <c>{prompt, options?, id?}</c> payloads and checks them by the server's <see cref="StartRules"/> (the same
/// rules and messages as every other front door); every problem is an <see cref="InvalidSessionRequestException"/>.
/// </summary>
public sealed class SessionRequestReader(StartRules rules)
{
    public ParsedRequest Read(BinaryData json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InvalidSessionRequestException($"The request is not valid JSON: {ex.Message}", ex);
        }
    }

    public ParsedRequest Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidSessionRequestException($"A request must be a JSON object {{prompt, options?}}, not {element.ValueKind}.");
        RequestPayload? payload;
        try
        {
            payload = element.Deserialize(TriggerJson.Default.RequestPayload);
        }
        catch (JsonException ex)
        {
            throw new InvalidSessionRequestException($"The request does not have the shape {{prompt, options?, id?}}: {ex.Message}", ex);
        }
        try
        {
            return new ParsedRequest(rules.Check(payload?.Prompt, payload?.Options), payload?.Id);
        }
        catch (InvalidStartException invalid)
        {
            throw new InvalidSessionRequestException(invalid.Message, invalid);
        }
    }
}
