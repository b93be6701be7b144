using System.Net.Sockets;

namespace GenAgent.Triggers.Tests.Fakes;

internal static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Fails the test with the fix when nothing listens on Azurite's blob port.</summary>
    public static async Task RequireAsync()
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync("127.0.0.1", 10000);
        }
        catch (SocketException ex)
        {
            Assert.Fail($"Azurite is not listening on 127.0.0.1:10000; start Azurite: scripts/azurite.sh ({ex.Message})");
        }
    }

    /// <summary>Container and queue names: lowercase letters, digits and hyphens, at most 63 characters.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
