using System.Net.Sockets;

namespace GenAgent.Tests.Shared;

/// <summary>The Azurite that scripts/test.sh starts: its connection string, a check that fails with the fix, unique names.</summary>
internal static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Fails the test with the fix when nothing listens on Azurite's <paramref name="port"/> (10000 blob, 10001 queue, 10002 table).</summary>
    public static async Task RequireAsync(int port = 10000)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", port);
        }
        catch (SocketException ex)
        {
            Assert.Fail($"Azurite is not listening on 127.0.0.1:{port}; start Azurite: scripts/azurite.sh ({ex.Message})");
        }
    }

    /// <summary>Task hub names: letters and digits, starting with a letter, at most 45 characters.</summary>
    public static string UniqueTaskHub(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(45, prefix.Length + 32)];

    /// <summary>Container and queue names: lowercase letters, digits and hyphens, at most 63 characters.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
