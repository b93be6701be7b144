using System.Text.Json;
using System.Text.Json.Serialization;
using GenAgent.Core.Sessions;

namespace GenAgent.Triggers.Requests;

/// <summary>Reads and validates <c>{prompt, options?, id?}</c> payloads; every problem is an <see cref="InvalidSessionRequestException"/>.</summary>
public sealed class SessionRequestReader(TriggerOptions options)
{
    // Reflection-based on purpose: it keeps the defaults of options a sender leaves out. Unknown names are errors.
    private static readonly JsonSerializerOptions OptionsJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new StrictEnumConverter() },
    };

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
        if (payload is null || string.IsNullOrWhiteSpace(payload.Prompt))
            throw new InvalidSessionRequestException("prompt is missing or empty.");
        if (payload.Prompt.Length > options.MaxPromptLength)
            throw new InvalidSessionRequestException($"prompt is {payload.Prompt.Length} characters; the limit is {options.MaxPromptLength}.");
        var sessionOptions = ReadOptions(payload.Options);
        var problems = sessionOptions.Validate();
        if (problems.Count > 0)
            throw new InvalidSessionRequestException($"options: {string.Join(" ", problems)}");
        return new ParsedRequest(new SessionRequest(payload.Prompt, sessionOptions), payload.Id);
    }

    private static SessionOptions ReadOptions(JsonElement? element)
    {
        if (element is not { ValueKind: not JsonValueKind.Null } options) return new SessionOptions();
        if (options.ValueKind != JsonValueKind.Object)
            throw new InvalidSessionRequestException($"options must be a JSON object, not {options.ValueKind}.");
        try
        {
            return options.Deserialize<SessionOptions>(OptionsJson) ?? new SessionOptions();
        }
        catch (JsonException ex)
        {
            throw new InvalidSessionRequestException($"options: {ex.Message}", ex);
        }
    }
}
