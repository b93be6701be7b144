using System.Net.Sockets;

namespace GenAgent.Functions.Tests.Fakes;

internal static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Fails the test with the fix when nothing listens on Azurite's <paramref name="port"/> (10000 blobs, 10001 queues).</summary>
    public static async Task RequireAsync(int port = 10001)
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
}
