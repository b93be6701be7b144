using System.Net.Sockets;
using Azure.Storage.Blobs;
using GenAgent.Core.Images;

namespace GenAgent.Core.Tests.Images;

/// <summary>Runs against Azurite on 127.0.0.1:10000.</summary>
public sealed class BlobImageStoreTests
{
    private static async Task<BlobContainerClient> ContainerAsync()
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
        return new BlobServiceClient("UseDevelopmentStorage=true").GetBlobContainerClient($"images-{Guid.NewGuid():N}");
    }

    [Fact]
    public async Task Put_creates_the_container_and_round_trips_with_its_content_type()
    {
        var container = await ContainerAsync();
        var store = new BlobImageStore(container);
        try
        {
            await store.PutAsync("sessions/a/turn-00.png", new byte[] { 1, 2, 3 }, "image/png");

            Assert.Equal(new byte[] { 1, 2, 3 }, await store.TryGetAsync("sessions/a/turn-00.png"));
            var properties = await container.GetBlobClient("sessions/a/turn-00.png").GetPropertiesAsync();
            Assert.Equal("image/png", properties.Value.ContentType);
            Assert.Null(await store.TryGetAsync("sessions/a/missing.png"));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Missing_container_reads_as_null()
    {
        var store = new BlobImageStore(await ContainerAsync());
        Assert.Null(await store.TryGetAsync("nothing.png"));
    }

    [Fact]
    public async Task Url_is_a_read_only_sas_url_that_can_be_fetched()
    {
        var container = await ContainerAsync();
        var store = new BlobImageStore(container);
        try
        {
            await store.PutAsync("final.png", new byte[] { 9, 8, 7 }, "image/png");
            var url = store.GetUrl("final.png")!;

            Assert.Contains("sig=", url.Query, StringComparison.Ordinal);
            Assert.Contains("sp=r", url.Query, StringComparison.Ordinal);
            using var http = new HttpClient();
            using var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            Assert.Equal(new byte[] { 9, 8, 7 }, await response.Content.ReadAsByteArrayAsync());
            using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([1]) };
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            using var write = await http.SendAsync(put);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, write.StatusCode);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
