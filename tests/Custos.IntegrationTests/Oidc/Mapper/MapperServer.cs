using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Oidc.Mapper;

/// <summary>A Kestrel server on a free loopback port that serves mappers by path and counts the requests.</summary>
public sealed class MapperServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private MapperServer(WebApplication app) => _app = app;

    /// <summary>Path → body; a path not listed answers 404.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public int Requests => Volatile.Read(ref _requests);

    public string BaseUrl { get; private set; } = "";

    public static async Task<MapperServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new MapperServer(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref server._requests);
            if (!server.Files.TryGetValue(context.Request.Path.Value ?? "", out var body))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
