using System.Net.Sockets;

namespace GenAgent.Bench;

internal static class Azurite
{
    public static bool IsListening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", 10000);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
