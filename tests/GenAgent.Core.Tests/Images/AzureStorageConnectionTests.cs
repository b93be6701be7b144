using System.Net.Sockets;
using Azure.Identity;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Core.Tests.Images;

/// <summary>
/// Storage connections: a connection string as before, or the identity form the Functions runtime uses
/// (AzureWebJobsStorage__accountName / __credential / __clientId) and GenAgent:Store:ServiceUri + ClientId.
/// </summary>
public sealed class AzureStorageConnectionTests
{
    private const string ClientId = "00000000-1111-2222-3333-444444444444";

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_plain_value_is_a_connection_string()
    {
        var connection = AzureStorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")), "AzureWebJobsStorage")!;

        Assert.False(connection.UsesIdentity);
        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
        Assert.Null(connection.Credential);
        var container = connection.CreateBlobContainerClient("images");
        Assert.True(container.CanGenerateSasUri);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/images", container.Uri.AbsoluteUri);
    }

    [Fact]
    public void The_functions_identity_form_reads_account_name_credential_and_client_id()
    {
        // Environment variables AzureWebJobsStorage__accountName etc. arrive as these keys.
        var connection = AzureStorageConnection.FromConfiguration(
            Settings(("AzureWebJobsStorage:accountName", "stgenagent01"), ("AzureWebJobsStorage:credential", "managedidentity"), ("AzureWebJobsStorage:clientId", ClientId)),
            "AzureWebJobsStorage")!;

        Assert.True(connection.UsesIdentity);
        Assert.True(connection.UsesManagedIdentity);
        Assert.Null(connection.ConnectionString);
        Assert.Equal(ClientId, connection.ClientId);
        Assert.Equal("https://stgenagent01.blob.core.windows.net/", connection.BlobServiceUri!.AbsoluteUri);
        Assert.Equal("https://stgenagent01.queue.core.windows.net/", connection.QueueServiceUri!.AbsoluteUri);
        Assert.Equal("https://stgenagent01.table.core.windows.net/", connection.TableServiceUri!.AbsoluteUri);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Same(connection.Credential, connection.Credential);

        var container = connection.CreateBlobContainerClient("images");
        Assert.Equal("https://stgenagent01.blob.core.windows.net/images", container.Uri.AbsoluteUri);
        Assert.False(container.CanGenerateSasUri);
        var table = connection.CreateTableClient("GenAgentAdmission");
        Assert.Equal("GenAgentAdmission", table.Name);
        Assert.Equal("stgenagent01", table.AccountName);
        Assert.Equal("https://stgenagent01.queue.core.windows.net/", connection.CreateQueueServiceClient().Uri.AbsoluteUri);
    }

    [Fact]
    public void Without_client_id_or_managedidentity_the_developer_sign_in_is_used()
    {
        var local = AzureStorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage:accountName", "stgenagent01")), "AzureWebJobsStorage")!;
        Assert.False(local.UsesManagedIdentity);
        Assert.IsType<DefaultAzureCredential>(local.Credential);

        var systemAssigned = AzureStorageConnection.FromConfiguration(
            Settings(("AzureWebJobsStorage:accountName", "stgenagent01"), ("AzureWebJobsStorage:credential", "managedidentity")), "AzureWebJobsStorage")!;
        Assert.True(systemAssigned.UsesManagedIdentity);
        Assert.Null(systemAssigned.ClientId);
        Assert.IsType<ManagedIdentityCredential>(systemAssigned.Credential);
    }

    [Fact]
    public void Service_uris_can_replace_the_account_name()
    {
        var connection = AzureStorageConnection.FromConfiguration(
            Settings(("Storage:blobServiceUri", "https://example.blob.core.usgovcloudapi.net/"), ("Storage:tableServiceUri", "https://example.table.core.usgovcloudapi.net/")),
            "Storage")!;

        Assert.Equal("https://example.blob.core.usgovcloudapi.net/", connection.BlobServiceUri!.AbsoluteUri);
        Assert.Null(connection.QueueServiceUri);
        Assert.Equal("example", connection.CreateTableClient("t").AccountName);
        var noQueue = Assert.Throws<InvalidOperationException>(connection.CreateQueueServiceClient);
        Assert.Contains("queueServiceUri or accountName", noQueue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_configured_is_null_and_bad_values_fail_with_the_key()
    {
        Assert.Null(AzureStorageConnection.FromConfiguration(Settings(), "AzureWebJobsStorage"));
        Assert.Null(AzureStorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage", " ")), "AzureWebJobsStorage"));

        var credential = Assert.Throws<InvalidOperationException>(() => AzureStorageConnection.FromConfiguration(
            Settings(("AzureWebJobsStorage:accountName", "stgenagent01"), ("AzureWebJobsStorage:credential", "connectionstring")), "AzureWebJobsStorage"));
        Assert.Contains("AzureWebJobsStorage:credential", credential.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => AzureStorageConnection.FromConfiguration(Settings(("S:accountName", "Not_An_Account")), "S"));
        var uri = Assert.Throws<InvalidOperationException>(() => AzureStorageConnection.FromConfiguration(Settings(("S:blobServiceUri", "not a uri")), "S"));
        Assert.Contains("S:blobServiceUri", uri.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AzureStorageConnection.FromBlobServiceUri(new Uri("ftp://example/")));
    }

    [Fact]
    public void The_blob_store_takes_a_service_uri_and_client_id_instead_of_a_connection_string()
    {
        var options = new GenAgentOptions
        {
            Store = new StoreOptions { Kind = "blob", ServiceUri = "https://stgenagent01.blob.core.windows.net/", ClientId = ClientId, Container = "images" },
        };
        Assert.Empty(GenAgentServiceCollectionExtensions.Validate(options));

        using var provider = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();
        var store = Assert.IsType<BlobImageStore>(provider.GetRequiredService<IImageStore>());
        Assert.Equal("https://stgenagent01.blob.core.windows.net/images", store.Container.Uri.AbsoluteUri);
        // No key, no SAS: a private container's plain URL would not download, so there is no URL (callers serve the image).
        Assert.Null(store.GetUrl("sessions/a/final.png"));

        var connection = GenAgentServiceCollectionExtensions.StoreConnection(options.Store);
        Assert.Equal(ClientId, connection.ClientId);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
    }

    [Fact]
    public void The_blob_store_needs_a_connection_string_or_a_valid_service_uri()
    {
        var neither = GenAgentServiceCollectionExtensions.Validate(new GenAgentOptions { Store = new StoreOptions { Kind = "blob" } });
        Assert.Contains(neither, p => p.Contains("GenAgent:Store:ConnectionString", StringComparison.Ordinal) && p.Contains("GenAgent:Store:ServiceUri", StringComparison.Ordinal));

        var bad = GenAgentServiceCollectionExtensions.Validate(new GenAgentOptions { Store = new StoreOptions { Kind = "blob", ServiceUri = "stgenagent01" } });
        Assert.Contains(bad, p => p.Contains("GenAgent:Store:ServiceUri 'stgenagent01'", StringComparison.Ordinal));

        // A connection string still wins over a service URI, exactly as before.
        var both = new StoreOptions { Kind = "blob", ConnectionString = "UseDevelopmentStorage=true", ServiceUri = "https://stgenagent01.blob.core.windows.net/" };
        Assert.False(GenAgentServiceCollectionExtensions.StoreConnection(both).UsesIdentity);
    }

    [Fact]
    public async Task A_connection_string_connection_still_round_trips_blobs_and_tables_on_azurite()
    {
        using (var probe = new TcpClient())
        {
            try
            {
                await probe.ConnectAsync("127.0.0.1", 10002);
            }
            catch (SocketException ex)
            {
                Assert.Fail($"Azurite is not listening on 127.0.0.1:10000-10002; start Azurite: scripts/azurite.sh ({ex.Message})");
            }
        }
        var connection = AzureStorageConnection.FromConnectionString("UseDevelopmentStorage=true");
        var container = connection.CreateBlobContainerClient($"conn-{Guid.NewGuid():N}");
        var table = connection.CreateTableClient($"conn{Guid.NewGuid():N}");
        try
        {
            var store = new BlobImageStore(container);
            await store.PutAsync("k.png", new byte[] { 7 }, "image/png");
            Assert.Equal(new byte[] { 7 }, await store.TryGetAsync("k.png"));
            Assert.NotNull(store.GetUrl("k.png")!.Query);

            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["V"] = 1 });
            Assert.Equal(1, (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r")).Value.GetInt32("V"));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await table.DeleteAsync();
        }
    }
}
