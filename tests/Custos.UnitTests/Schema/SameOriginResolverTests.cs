using Custos.Schema;

namespace Custos.UnitTests.Schema;

public sealed class SameOriginResolverTests
{
    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP in this test");
    }

    [Fact]
    public void RefToOtherHost_IsRefused()
    {
        var resolver = new SameOriginResolver(new Uri("https://schemas.example.com/identity.json"), new SchemaSource(new NoHttp()));

        Assert.Null(resolver.Resolve(new Uri("https://evil.example/x.json")));
    }

    [Fact]
    public void RefToFileOutsideSchemaFolder_IsRefused()
    {
        var resolver = new SameOriginResolver(new Uri("/tmp/schemas/identity.json"), new SchemaSource(new NoHttp()));

        Assert.Null(resolver.Resolve(new Uri("/etc/passwd")));
    }

    [Fact]
    public void RefToSiblingFile_IsResolved()
    {
        var dir = Directory.CreateTempSubdirectory("custos-ref-").FullName;
        File.WriteAllText(Path.Combine(dir, "name.json"), """{"type":"string"}""");
        var resolver = new SameOriginResolver(new Uri(Path.Combine(dir, "identity.json")), new SchemaSource(new NoHttp()));

        var resolved = resolver.Resolve(new Uri(Path.Combine(dir, "name.json")));

        Assert.Equal("string", resolved?.GetProperty("type").GetString());
        Directory.Delete(dir, recursive: true);
    }
}
