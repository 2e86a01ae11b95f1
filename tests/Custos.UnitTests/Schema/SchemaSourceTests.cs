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
        // A random port may be taken by a parallel test run: try another rather than fail on "address in use".
        HttpListener? started = null;
        var port = 0;
        for (var attempt = 0; started is null; attempt++)
        {
            port = Random.Shared.Next(20000, 60000);
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
                started = candidate;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                candidate.Close();
            }
        }

        using var listener = started;
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
