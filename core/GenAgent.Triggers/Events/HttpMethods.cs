namespace GenAgent.Triggers.Events;

/// <summary>Method checks without a dependency on ASP.NET Core, so the library serves any HTTP host.</summary>
internal static class HttpMethods
{
    public static bool IsOptions(string method) => string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase);

    public static bool IsPost(string method) => string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
}
