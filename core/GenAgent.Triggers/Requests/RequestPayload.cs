using System.Text.Json;

namespace GenAgent.Triggers.Requests;

/// <summary>
/// The wire shape of a session request in events, files and queue messages: <c>{prompt, options?, id?}</c>. Options stay raw here: the
/// source-generated reader would reset every option the sender left out to zero instead of its default.
/// </summary>
internal sealed record RequestPayload(string? Prompt, JsonElement? Options, string? Id);
