using System.Text.Json.Serialization;

namespace GenAgent.Api.Wire;

/// <summary>An input image: a <c>data:</c> URL (or an http(s) URL when the server allows fetching), or bare base64.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ImageBody(string? Url = null, string? Base64 = null);
