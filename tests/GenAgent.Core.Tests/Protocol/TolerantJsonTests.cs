using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Protocol;

public sealed class TolerantJsonTests
{
    [Theory]
    [InlineData("{'a': 'b'}", "{\"a\": \"b\"}")]
    [InlineData("{'a': 'it's'}", "{\"a\": \"it's\"}")]
    [InlineData("{'a': 'it\\'s'}", "{\"a\": \"it's\"}")]
    [InlineData("{'a': 'say \"hi\"'}", "{\"a\": \"say \\\"hi\\\"\"}")]
    [InlineData("{\"a\": \"it's\"}", "{\"a\": \"it's\"}")]
    [InlineData("{'a': 'x\ny'}", "{\"a\": \"x\\ny\"}")]
    public void Repair_turns_python_style_strings_into_json(string input, string expected) =>
        Assert.Equal(expected, TolerantJson.Repair(input));

    [Theory]
    [InlineData("```json\n{\"a\": 1,}\n```")]
    [InlineData("sure: {\"a\": 1} // done")]
    [InlineData("{'a': 1}")]
    public void ParseObject_finds_the_object_inside_noise(string input)
    {
        var root = TolerantJson.ParseObject(input);

        Assert.NotNull(root);
        Assert.Equal(1, root.Value.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("no braces")]
    [InlineData("} {")]
    [InlineData("{\"a\": \uD800}")]
    [InlineData("{\"a\" 1}")]
    public void ParseObject_returns_null_for_what_is_not_an_object(string input) =>
        Assert.Null(TolerantJson.ParseObject(input));
}
