using GenAgent.Core.Images;

namespace GenAgent.Core.Tests.Images;

public sealed class LocalImageStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("genagent-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Put_then_get_returns_the_bytes_and_leaves_no_temp_files()
    {
        var store = new LocalImageStore(_root);
        await store.PutAsync("sessions/a/turn-00.png", new byte[] { 1, 2, 3 }, "image/png");
        await store.PutAsync("sessions/a/turn-00.png", new byte[] { 4, 5 }, "image/png");

        Assert.Equal(new byte[] { 4, 5 }, await store.TryGetAsync("sessions/a/turn-00.png"));
        Assert.Equal(["turn-00.png"], Directory.GetFiles(Path.Combine(_root, "sessions", "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Missing_key_reads_as_null()
    {
        var store = new LocalImageStore(_root);
        Assert.Null(await store.TryGetAsync("sessions/none/turn-00.png"));
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("sessions/../../outside.png")]
    [InlineData("/etc/passwd")]
    [InlineData("sessions\\a.png")]
    public async Task Keys_that_leave_the_root_are_rejected(string key)
    {
        var store = new LocalImageStore(_root);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new byte[] { 1 }, "image/png"));
        Assert.Throws<ArgumentException>(() => store.GetUrl(key));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside.png")));
    }

    [Fact]
    public void Url_is_a_file_uri_under_the_root()
    {
        var url = new LocalImageStore(_root).GetUrl("sessions/a/final.png")!;
        Assert.True(url.IsFile);
        Assert.Equal(Path.Combine(_root, "sessions", "a", "final.png"), url.LocalPath);
    }
}
