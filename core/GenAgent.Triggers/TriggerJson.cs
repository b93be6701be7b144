using System.Text.Json;
using System.Text.Json.Serialization;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Requests;
using GenAgent.Triggers.Retention;

namespace GenAgent.Triggers;

/// <summary>
/// The JSON the triggers read and write. Unknown members are rejected, so a misspelt option
/// ("maxImage") is reported instead of silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RequestPayload))]
[JsonSerializable(typeof(EventBatchReport))]
[JsonSerializable(typeof(SubscriptionValidationAnswer))]
[JsonSerializable(typeof(TriggerError))]
[JsonSerializable(typeof(PoisonEnvelope))]
[JsonSerializable(typeof(BlobRequestsSummary))]
[JsonSerializable(typeof(BlobRequestsResult))]
[JsonSerializable(typeof(UsageRollup))]
internal sealed partial class TriggerJson : JsonSerializerContext;
