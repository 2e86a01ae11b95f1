using System.Collections.Frozen;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Assets;

/// <summary>
/// The UI's static files, embedded in the assembly (no Node build step, no CDN), plus <c>theme.css</c> generated from
/// <c>ui.accent_color</c>.
/// </summary>
internal sealed class UiAssets(IOptionsMonitor<CustosOptions> options)
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    public IResult Get(string name)
    {
        if (name == "theme.css")
        {
            // The colour passed the config validator's #rgb/#rrggbb pattern, so it cannot break out of the rule.
            var accent = options.CurrentValue.Ui.AccentColor;
            var css = string.IsNullOrEmpty(accent) ? "/* no ui.accent_color configured */\n" : $":root {{ --accent: {accent}; }}\n";
            return new CachedResult(Results.Text(css, "text/css; charset=utf-8"));
        }

        return Files.TryGetValue(name, out var file) ? new CachedResult(Results.Bytes(file.Content, file.ContentType)) : Results.NotFound();
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(UiAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ui-assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource["ui-assets/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (buffer.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Assets may be cached briefly (the GET default is no-store).</summary>
    private sealed class CachedResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "public, max-age=600";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
