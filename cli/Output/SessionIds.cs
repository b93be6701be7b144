using System.Globalization;
using System.Security.Cryptography;

namespace GenAgent.Cli.Output;

/// <summary>Session ids that sort by start time and are safe as folder, blob and instance names.</summary>
internal static class SessionIds
{
    public static string New() =>
        DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
}
