using System.Collections.Concurrent;
using System.Text.Json;
using Custos.Config;
using Custos.Hosting;
using Custos.Schema.Validation;
using Microsoft.Extensions.Options;

namespace Custos.Schema;

/// <summary>
/// Loads, compiles and caches the configured identity schemas (<c>identity.schemas</c>). Schemas are read on
/// first use, as Kratos does, so a server starts even while a remote schema is briefly unreachable.
/// </summary>
internal sealed class IdentitySchemaProvider(IOptionsMonitor<CustosOptions> options, SchemaSource source)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedSchema>>> _cache = new(StringComparer.Ordinal);

    /// <summary>The configured schemas, in configuration order.</summary>
    public IReadOnlyList<IdentitySchemaOptions> Configured => options.CurrentValue.Identity.Schemas;

    public string DefaultSchemaId => options.CurrentValue.Identity.DefaultSchemaId;

    /// <summary>Finds a schema by id or by its base64url id; null when not configured.</summary>
    public IdentitySchemaOptions? Find(string idOrEncoded) =>
        Configured.FirstOrDefault(s => s.Id == idOrEncoded) ?? Configured.FirstOrDefault(s => LoadedSchema.EncodeId(s.Id) == idOrEncoded);

    /// <summary>The compiled schema; 404 when unknown, 500 misconfiguration when unreadable or invalid.</summary>
    public async Task<LoadedSchema> GetAsync(string id, CancellationToken ct)
    {
        var configured = Find(id) ?? throw KratosErrors.NotFound($"Identity schema \"{id}\" could not be found.");
        var key = configured.Id + "\n" + configured.Url;
        var lazy = _cache.GetOrAdd(key, _ => new Lazy<Task<LoadedSchema>>(() => LoadAsync(configured)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not CustosException and not OperationCanceledException)
        {
            _cache.TryRemove(key, out _); // a transient fetch failure must not stick
            throw KratosErrors.Misconfiguration($"Unable to load identity schema \"{configured.Id}\" from \"{configured.Url}\": {e.Message}");
        }
        catch (CustosException)
        {
            _cache.TryRemove(key, out _);
            throw;
        }
    }

    private async Task<LoadedSchema> LoadAsync(IdentitySchemaOptions configured)
    {
        var bytes = await source.FetchAsync(configured.Url, CancellationToken.None);
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 128 });
        var root = document.RootElement.Clone();
        var baseUri = configured.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? new Uri(configured.Url)
            : configured.Url.StartsWith("file://", StringComparison.Ordinal) ? new Uri(SchemaSource.FilePath(configured.Url)) : null;
        var compiled = JsonSchema.Load(root, baseUri, new SameOriginResolver(baseUri, source), new SchemaLoadOptions { AssertFormat = true });
        return new LoadedSchema(configured.Id, configured.Url, root, compiled);
    }
}
