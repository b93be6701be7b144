using GenAgent.Api.Sessions;

namespace GenAgent.Api.Tests.Sessions;

public sealed class SessionIdsTests
{
    [Fact]
    public void An_idempotency_key_always_maps_to_the_same_well_formed_id()
    {
        var id = SessionIds.FromIdempotencyKey("order-42");

        Assert.Equal(id, SessionIds.FromIdempotencyKey("order-42"));
        Assert.NotEqual(id, SessionIds.FromIdempotencyKey("order-43"));
        Assert.Equal(32, id.Length);
        Assert.True(SessionIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData("abc-123_X", true)]
    [InlineData("", false)]
    [InlineData("../etc", false)]
    [InlineData("a/b", false)]
    [InlineData("a.b", false)]
    public void Only_plain_ids_are_well_formed(string id, bool expected) => Assert.Equal(expected, SessionIds.IsWellFormed(id));

    [Theory]
    [InlineData("$.options.maxImages", "options.maxImages")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void Json_paths_become_field_names(string? path, string field) => Assert.Equal(field, JsonBody.FieldOf(path));
}
