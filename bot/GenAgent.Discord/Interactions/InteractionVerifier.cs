using System.Buffers;
using System.Text;
using NSec.Cryptography;

namespace GenAgent.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature on an interaction request: <c>X-Signature-Ed25519</c> over
/// <c>X-Signature-Timestamp + body</c>. Discord sends bad signatures on purpose and removes an endpoint that accepts
/// them, so every malformed input is simply "not verified" and nothing here throws on what a caller sends.
/// </summary>
public sealed class InteractionVerifier
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureBytes = 64;
    private const int MaxTimestampLength = 32;
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey publicKey;

    /// <param name="publicKeyHex">The application's public key, 64 hex characters.</param>
    public InteractionVerifier(string publicKeyHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyHex);
        byte[] raw;
        try
        {
            raw = Convert.FromHexString(publicKeyHex);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The Discord public key must be 64 hex characters.", nameof(publicKeyHex), e);
        }

        if (!PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new ArgumentException("The Discord public key is not an Ed25519 public key.", nameof(publicKeyHex));
        }

        publicKey = key;
    }

    /// <summary>True only for a well-formed signature by the application's key over timestamp + body.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: SignatureBytes * 2 } || string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampLength)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureBytes)
        {
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var length = timestampBytes + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var message = rented.AsSpan(0, length);
            Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message[timestampBytes..]);

            // libsodium's verify compares in constant time.
            return Algorithm.Verify(publicKey, message, signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
