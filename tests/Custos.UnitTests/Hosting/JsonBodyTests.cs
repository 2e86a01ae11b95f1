using System.Text;
using System.Text.Json;
using Custos.Hosting;

namespace Custos.UnitTests.Hosting;

public sealed class JsonBodyTests
{
    public static TheoryData<string, byte[]> Unreadable => new()
    {
        // System.Text.Json accepts these at parse time and throws InvalidOperationException when the string is first read.
        { "invalid UTF-8 in a member name", [0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d] },
        { "invalid UTF-8 in a value", [.. "{\"a\":\""u8, 0xc3, 0x28, .. "\"}"u8] },
        { "overlong UTF-8", [.. "{\"a\":\""u8, 0xc0, 0xaf, .. "\"}"u8] },
        { "UTF-8 encoded surrogate", [.. "{\"a\":\""u8, 0xed, 0xa0, 0x80, .. "\"}"u8] },
        { "unpaired high surrogate escape", "{\"a\":\"\\ud800\"}"u8.ToArray() },
        { "unpaired low surrogate escape in a name", "{\"\\udc00\":1}"u8.ToArray() },
        { "reversed surrogate pair escape", "{\"a\":[\"\\ude00\\ud83d\"]}"u8.ToArray() },
        // JsonObject cannot hold a repeated member; reading the object would throw ArgumentException.
        { "duplicate member", "{\"a\":1,\"a\":2}"u8.ToArray() },
        { "duplicate member spelled with an escape", "{\"x\":{\"a\":1,\"\\u0061\":2}}"u8.ToArray() },
        { "nesting deeper than the limit", Encoding.ASCII.GetBytes(new string('[', 65) + new string(']', 65)) },
        { "truncated", "{\"a\":"u8.ToArray() },
        { "trailing garbage", "{} x"u8.ToArray() },
        { "comment", "{/* c */}"u8.ToArray() },
        { "byte order mark", [0xef, 0xbb, 0xbf, .. "{}"u8] },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Parse_RefusesWhatCouldNotBeReadBack(string name, byte[] body)
    {
        var error = Record.Exception(() => JsonBody.Parse(body));

        Assert.True(error is JsonException, $"{name}: {error?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void Parse_EscapedSurrogatePairAndControlCharacters_AreRead()
    {
        var node = JsonBody.Parse("{\"a\":\"\\ud83d\\ude00\",\"\\u0062\":\"\\u0000\\n\",\"c\":[{\"d\":1},{\"d\":2}]}"u8);

        Assert.Equal("\U0001F600", node!["a"]!.GetValue<string>());
        Assert.Equal("\0\n", node["b"]!.GetValue<string>());
        Assert.Equal(2, node["c"]![1]!["d"]!.GetValue<int>());
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsRead()
    {
        var body = Encoding.ASCII.GetBytes(new string('[', RequestLimits.MaxJsonDepth) + new string(']', RequestLimits.MaxJsonDepth));

        Assert.NotNull(JsonBody.Parse(body));
    }
}
