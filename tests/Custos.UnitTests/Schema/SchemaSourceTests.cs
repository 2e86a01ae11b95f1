using System.Net;
using System.Text;
using Custos.Schema;

namespace Custos.UnitTests.Schema;

public sealed class SchemaSourceTests
{
    private sealed class Factory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private static readonly SchemaSource Source = new(new Factory());

    [Fact]
    public async Task Base64Url_Decodes()
    {
        var json = """{"type":"object"}""";
        var url = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

        var bytes = await Source.FetchAsync(url, CancellationToken.None);

        Assert.Equal(json, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Builtin_IsTheEmbeddedEmailPasswordSchema()
    {
        var bytes = await Source.FetchAsync(SchemaSource.BuiltinDefault, CancellationToken.None);

        Assert.Contains("ory.sh/kratos", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileUrl_ReadsRelativeAndAbsolutePaths()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{}");

        var bytes = await Source.FetchAsync("file://" + path, CancellationToken.None);

        Assert.Equal("{}", Encoding.UTF8.GetString(bytes));
        File.Delete(path);
    }

    [Fact]
    public async Task HttpUrl_FetchesFromServer()
    {
        using var listener = new HttpListener();
        var port = Random.Shared.Next(20000, 60000);
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes("""{"title":"remote"}""");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var bytes = await Source.FetchAsync($"http://127.0.0.1:{port}/identity.schema.json", CancellationToken.None);
        await serve;

        Assert.Contains("remote", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedScheme_Throws()
    {
        await Assert.ThrowsAsync<FormatException>(() => Source.FetchAsync("ftp://example.com/x.json", CancellationToken.None));
    }
}
