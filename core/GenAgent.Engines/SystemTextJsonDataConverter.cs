using CoreDataConverter = DurableTask.Core.Serializing.DataConverter;
using SdkJsonDataConverter = Microsoft.DurableTask.Converters.JsonDataConverter;

namespace GenAgent.Workflow.Engine;

/// <summary>Lets the DTFx client write inputs and events as the SDK's System.Text.Json converter reads them on the worker side.</summary>
internal sealed class SystemTextJsonDataConverter : CoreDataConverter
{
    public static SystemTextJsonDataConverter Instance { get; } = new();

    public override string Serialize(object value) => SdkJsonDataConverter.Default.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => SdkJsonDataConverter.Default.Deserialize(data, objectType)!;
}
