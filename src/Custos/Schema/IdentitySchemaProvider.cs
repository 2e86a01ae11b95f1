using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Custos.Config;
using Custos.Hosting;
using Custos.Schema.Stored;
using Custos.Schema.Validation;
using Microsoft.Extensions.Options;

namespace Custos.Schema;

/// <summary>
/// Loads, compiles and caches identity schemas: the configured ones (<c>identity.schemas</c>), read on first use as
/// Kratos does so a server starts even while a remote schema is briefly unreachable, and the ones stored through
/// <c>PUT /admin/identity-schemas/{id}</c>. A configured id always wins over a stored one.
/// </summary>
internal sealed class IdentitySchemaProvider(IOptionsMonitor<CustosOptions> options, SchemaSource source, StoredSchemaReader stored)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedSchema>>> _cache = new(StringComparer.Ordinal);

    // Stored schemas are compiled once per content: every lookup reads the row (one indexed statement) and reuses the
    // compiled schema while the text's hash is unchanged, so a replacement on any node is seen by every node at once.
    private readonly ConcurrentDictionary<string, (string Hash, LoadedSchema Schema)> _stored = new(StringComparer.Ordinal);

    /// <summary>The URL a stored schema reports as its origin.</summary>
    public const string StoredUrlPrefix = "custos-db://identity-schemas/";

    /// <summary>The configured schemas, in configuration order.</summary>
    public IReadOnlyList<IdentitySchemaOptions> Configured => options.CurrentValue.Identity.Schemas;

    public string DefaultSchemaId => options.CurrentValue.Identity.DefaultSchemaId;

    /// <summary>Finds a configured schema by id or by its base64url id; null when not configured.</summary>
    public IdentitySchemaOptions? Find(string idOrEncoded) =>
        Configured.FirstOrDefault(s => s.Id == idOrEncoded) ?? Configured.FirstOrDefault(s => LoadedSchema.EncodeId(s.Id) == idOrEncoded);

    /// <summary>Whether a configured schema has exactly this id.</summary>
    public bool IsConfigured(string id) => Configured.Any(s => s.Id == id);

    /// <summary>The compiled schema; 404 when unknown, 500 misconfiguration when unreadable or invalid.</summary>
    public async Task<LoadedSchema> GetAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw KratosErrors.NotFound($"Identity schema \"{id}\" could not be found.");

    /// <summary>The compiled schema, configured or stored, by id or base64url id; null when there is none.</summary>
    public async Task<LoadedSchema?> FindAsync(string idOrEncoded, CancellationToken ct)
    {
        if (Find(idOrEncoded) is { } configured)
        {
            return await GetConfiguredAsync(configured, ct);
        }

        var row = await stored.FindAsync(idOrEncoded, ct);
        if (row is null && DecodeId(idOrEncoded) is { } decoded && decoded != idOrEncoded && !IsConfigured(decoded))
        {
            row = await stored.FindAsync(decoded, ct);
        }

        if (row is null)
        {
            _stored.TryRemove(idOrEncoded, out _);
            return null;
        }

        return Compile(row);
    }

    private LoadedSchema Compile(StoredIdentitySchema row)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.Schema)));
        if (_stored.TryGetValue(row.Id, out var cached) && cached.Hash == hash)
        {
            return cached.Schema;
        }

        try
        {
            using var document = JsonDocument.Parse(row.Schema, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement.Clone();
            var compiled = JsonSchema.Load(root, baseUri: null, resolver: null, new SchemaLoadOptions { AssertFormat = true });
            var loaded = new LoadedSchema(row.Id, StoredUrlPrefix + Uri.EscapeDataString(row.Id), root, compiled);
            _stored[row.Id] = (hash, loaded);
            return loaded;
        }
        catch (Exception e) when (e is JsonException or SchemaLoadException)
        {
            throw KratosErrors.Misconfiguration($"Unable to load stored identity schema \"{row.Id}\": {e.Message}");
        }
    }

    private async Task<LoadedSchema> GetConfiguredAsync(IdentitySchemaOptions configured, CancellationToken ct)
    {
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

    /// <summary>The id a base64url (unpadded) <c>schema_url</c> segment stands for, or null when it is not one.</summary>
    private static string? DecodeId(string encoded)
    {
        if (encoded.Length == 0 || encoded.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var s = encoded.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
