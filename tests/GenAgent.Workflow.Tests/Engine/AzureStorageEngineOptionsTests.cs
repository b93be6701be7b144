using GenAgent.Core.Images;
using GenAgent.Workflow.Engine;

namespace GenAgent.Workflow.Tests.Engine;

public sealed class AzureStorageEngineOptionsTests
{
    [Fact]
    public void A_connection_string_reaches_the_task_hub_with_its_key()
    {
        var options = new AzureStorageEngineOptions(Azurite.ConnectionString, "hub");

        Assert.False(options.Storage.UsesIdentity);
        Assert.NotNull(options.CreateClientProvider());
    }

    [Fact]
    public void An_account_name_reaches_the_task_hub_with_a_managed_identity()
    {
        var connection = AzureStorageConnection.FromAccountName("genagentstore", clientId: "00000000-0000-0000-0000-000000000001", managedIdentity: true);
        var options = new AzureStorageEngineOptions(connection, "hub");

        Assert.True(options.Storage.UsesIdentity);
        Assert.NotNull(options.CreateClientProvider());
    }

    [Fact]
    public void A_blob_endpoint_alone_is_refused_with_the_setting_to_add()
    {
        var options = new AzureStorageEngineOptions(AzureStorageConnection.FromBlobServiceUri(new Uri("https://genagentstore.blob.core.windows.net/")), "hub");

        var error = Assert.Throws<InvalidOperationException>(options.CreateClientProvider);
        Assert.Contains("accountName", error.Message, StringComparison.Ordinal);
    }
}
