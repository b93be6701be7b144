namespace GenAgent.Triggers.Tests;

public sealed class SessionIdsTests
{
    [Theory]
    [InlineData("order-17")]
    [InlineData("9a1f0c0e-5b0b-4c8e-9a55-3c6d7e0f1a2b")]
    public void Safe_external_ids_are_kept(string id) => Assert.Equal(id, SessionIds.FromExternalId(id));

    [Theory]
    [InlineData("evt/42#again")]
    [InlineData("a?b\\c")]
    [InlineData("////")]
    public void Unsafe_external_ids_become_safe_and_stay_distinct(string id)
    {
        var safe = SessionIds.FromExternalId(id);

        Assert.Matches("^[A-Za-z0-9_.-]+$", safe);
        Assert.Equal(safe, SessionIds.FromExternalId(id));
        Assert.NotEqual(safe, SessionIds.FromExternalId(id + "x"));
    }

    [Fact]
    public void Long_ids_are_shortened()
    {
        var safe = SessionIds.FromExternalId(new string('a', 300));

        Assert.True(safe.Length <= SessionIds.MaxLength, safe);
    }

    [Fact]
    public void File_line_ids_are_deterministic_per_file_and_line()
    {
        Assert.Equal(SessionIds.FromFileLine("a.jsonl", 3), SessionIds.FromFileLine("a.jsonl", 3));
        Assert.NotEqual(SessionIds.FromFileLine("a.jsonl", 3), SessionIds.FromFileLine("a.jsonl", 4));
        Assert.NotEqual(SessionIds.FromFileLine("a.jsonl", 3), SessionIds.FromFileLine("b.jsonl", 3));
    }
}
