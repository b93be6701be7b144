using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Core.Images;

/// <summary>
/// How clients reach one Azure Storage account: a connection string (account key, SAS, or Azurite's
/// <c>UseDevelopmentStorage=true</c>), or service endpoints with an Entra ID token credential (a managed identity in
/// Azure, the signed-in developer elsewhere), which works with shared-key access turned off.
/// </summary>
public sealed class AzureStorageConnection
{
    /// <summary>The Functions runtime's value that selects a managed identity for an identity-based connection.</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    private readonly Lazy<TokenCredential>? _credential;

    private AzureStorageConnection(string? connectionString, Uri? blob, Uri? queue, Uri? table, string? clientId, bool managedIdentity)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blob;
        QueueServiceUri = queue;
        TableServiceUri = table;
        ClientId = clientId;
        UsesManagedIdentity = managedIdentity || clientId is not null;
        if (connectionString is null) _credential = new Lazy<TokenCredential>(CreateCredential);
    }

    public string? ConnectionString { get; }

    public Uri? BlobServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public Uri? TableServiceUri { get; }

    /// <summary>Client id of the user-assigned managed identity to use; null for the system-assigned one or a developer sign-in.</summary>
    public string? ClientId { get; }

    /// <summary>Whether tokens come from a managed identity only (in Azure), rather than the developer credential chain.</summary>
    public bool UsesManagedIdentity { get; }

    public bool UsesIdentity => ConnectionString is null;

    /// <summary>The token credential of an identity-based connection; null for a connection string.</summary>
    public TokenCredential? Credential => _credential?.Value;

    public static AzureStorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new AzureStorageConnection(connectionString, null, null, null, null, managedIdentity: false);
    }

    /// <summary>An identity-based connection to the blob endpoint <paramref name="blobServiceUri"/>, e.g. https://acct.blob.core.windows.net/.</summary>
    public static AzureStorageConnection FromBlobServiceUri(Uri blobServiceUri, string? clientId = null) =>
        FromServiceUris(blobServiceUri, null, null, clientId, managedIdentity: false);

    /// <summary>An identity-based connection to the public-cloud endpoints of <paramref name="accountName"/>.</summary>
    public static AzureStorageConnection FromAccountName(string accountName, string? clientId = null, bool managedIdentity = false)
    {
        if (string.IsNullOrWhiteSpace(accountName) || accountName.Length is < 3 or > 24 || !accountName.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
        {
            throw new ArgumentException($"'{accountName}' is not a storage account name (3-24 lowercase letters and digits).", nameof(accountName));
        }
        return new AzureStorageConnection(
            null, Endpoint(accountName, "blob"), Endpoint(accountName, "queue"), Endpoint(accountName, "table"), Blank(clientId), managedIdentity);
    }

    /// <summary>
    /// Reads connection <paramref name="name"/> the way the Functions runtime does: its value is a connection string, or
    /// its children describe an identity-based connection (<c>accountName</c>, or <c>blobServiceUri</c> /
    /// <c>queueServiceUri</c> / <c>tableServiceUri</c>, with optional <c>credential</c> = managedidentity and
    /// <c>clientId</c>). Null when neither is configured.
    /// </summary>
    public static AzureStorageConnection? FromConfiguration(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Blank(configuration[name]) is { } connectionString) return FromConnectionString(connectionString);

        var section = configuration.GetSection(name);
        var clientId = Blank(section["clientId"]);
        var credential = Blank(section["credential"]);
        if (credential is not null && !string.Equals(credential, ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{name}:credential '{credential}' is not supported; use {ManagedIdentityCredential} or leave it out.");
        }
        var managedIdentity = credential is not null;
        if (Blank(section["accountName"]) is { } accountName) return FromAccountName(accountName, clientId, managedIdentity);

        var blob = ServiceUri(section, name, "blobServiceUri");
        var queue = ServiceUri(section, name, "queueServiceUri");
        var table = ServiceUri(section, name, "tableServiceUri");
        return blob is null && queue is null && table is null ? null : FromServiceUris(blob, queue, table, clientId, managedIdentity);
    }

    public BlobServiceClient CreateBlobServiceClient() => ConnectionString is not null
        ? new BlobServiceClient(ConnectionString)
        : new BlobServiceClient(Require(BlobServiceUri, "blob"), Credential);

    public BlobContainerClient CreateBlobContainerClient(string container)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        return ConnectionString is not null ? new BlobContainerClient(ConnectionString, container) : CreateBlobServiceClient().GetBlobContainerClient(container);
    }

    public QueueServiceClient CreateQueueServiceClient() => ConnectionString is not null
        ? new QueueServiceClient(ConnectionString)
        : new QueueServiceClient(Require(QueueServiceUri, "queue"), Credential);

    public TableClient CreateTableClient(string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        return ConnectionString is not null ? new TableClient(ConnectionString, table) : new TableClient(Require(TableServiceUri, "table"), table, Credential);
    }

    private static AzureStorageConnection FromServiceUris(Uri? blob, Uri? queue, Uri? table, string? clientId, bool managedIdentity)
    {
        foreach (var uri in new[] { blob, queue, table })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                throw new ArgumentException($"'{uri}' is not an absolute http(s) storage endpoint.");
            }
        }
        return new AzureStorageConnection(null, blob, queue, table, Blank(clientId), managedIdentity);
    }

    // A user-assigned identity is picked by client id; Azure hosts with several identities need that to choose. Outside
    // Azure, with no client id and no managedidentity setting, the developer's own sign-in (az, azd, VS) is used.
    private TokenCredential CreateCredential() => ClientId is not null
        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId))
        : UsesManagedIdentity ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new DefaultAzureCredential();

    private static Uri? ServiceUri(IConfigurationSection section, string name, string key) =>
        Blank(section[key]) is { } value
            ? Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"{name}:{key} '{value}' is not an absolute URI.")
            : null;

    private static Uri Require(Uri? uri, string service) =>
        uri ?? throw new InvalidOperationException($"This storage connection has no {service} endpoint; set its {service}ServiceUri or accountName.");

    private static Uri Endpoint(string accountName, string service) => new($"https://{accountName}.{service}.core.windows.net/");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
