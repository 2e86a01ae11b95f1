using System.Text.Json.Nodes;
using Custos.Courier.Jsonnet;

namespace Custos.UnitTests.Courier;

/// <summary>libjsonnet through P/Invoke: ctx as top-level argument, imports refused, errors reported.</summary>
public sealed class JsonnetEvaluatorTests
{
    [Fact]
    public async Task Evaluate_PassesCtxAsTopLevelArgument()
    {
        var json = await JsonnetEvaluator.EvaluateAsync("t.jsonnet", "function(ctx) { to: ctx.recipient, n: std.length(ctx.list) }", """{"recipient":"ada@example.com","list":[1,2,3]}""", CancellationToken.None);

        var result = JsonNode.Parse(json)!;
        Assert.Equal("ada@example.com", result["to"]!.GetValue<string>());
        Assert.Equal(3, result["n"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("import '/etc/passwd'")]
    [InlineData("importstr '/etc/hostname'")]
    [InlineData("local x = import 'other.libsonnet'; function(ctx) x")]
    public async Task Imports_AreRefused(string snippet)
    {
        var error = await Assert.ThrowsAsync<JsonnetException>(() => JsonnetEvaluator.EvaluateAsync("t.jsonnet", snippet, "{}", CancellationToken.None));

        Assert.Contains("imports are disabled", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("function(ctx) { a: ")]
    [InlineData("function(ctx) error 'boom'")]
    [InlineData("function(ctx) ctx.missing.field")]
    public async Task BrokenTemplates_ThrowWithLibjsonnetsMessage(string snippet)
    {
        var error = await Assert.ThrowsAsync<JsonnetException>(() => JsonnetEvaluator.EvaluateAsync("t.jsonnet", snippet, "{}", CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void InfiniteRecursion_HitsTheStackLimit_InsteadOfCrashing()
    {
        Assert.Throws<JsonnetException>(() => JsonnetEvaluator.Evaluate("t.jsonnet", "local f(x) = f(x + 1) + 1; f(0)", null));
    }
}
