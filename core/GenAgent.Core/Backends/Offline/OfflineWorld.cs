namespace GenAgent.Core.Backends.Offline;

/// <summary>
/// Finds the offline world by name. It lives in GenAgent.Sketch, which references this library; looking it up at run
/// time keeps the agent library free of it, so only hosts that offer the offline profile (and the tests) ship it.
/// </summary>
internal static class OfflineWorld
{
    private const string TypeName = "GenAgent.Sketch.SketchWorld, GenAgent.Sketch";

    private static readonly Lazy<IOfflineWorld> Instance = new(Load);

    public static IOfflineWorld Get() => Instance.Value;

    private static IOfflineWorld Load()
    {
        var type = Type.GetType(TypeName, throwOnError: false)
            ?? throw new InvalidOperationException(
                "The sketch backend needs the offline world (assembly GenAgent.Sketch), which this host does not ship: "
                + "reference core/GenAgent.Sketch from the host, or configure a real backend.");
        return (IOfflineWorld)(Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{TypeName} could not be created."));
    }
}
