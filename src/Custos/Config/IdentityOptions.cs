using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>identity</c>: the identity JSON schemas.</summary>
internal sealed class IdentityOptions
{
    /// <summary>The schema URL the server resolves to its built-in e-mail + password schema.</summary>
    public const string BuiltinDefaultSchemaUrl = "builtin://default";

    /// <summary><c>identity.default_schema_id</c>: schema for new identities. Default <c>default</c>.</summary>
    [ConfigurationKeyName("default_schema_id")]
    public string DefaultSchemaId { get; set; } = "default";

    /// <summary><c>identity.schemas</c>: at least one <c>{id, url}</c>. Required outside dev mode.</summary>
    [ConfigurationKeyName("schemas")]
    public List<IdentitySchemaOptions> Schemas { get; set; } = [];

    /// <summary>The schema with this id, or null.</summary>
    public IdentitySchemaOptions? FindSchema(string id) => Schemas.Find(s => s.Id == id);

    /// <summary>The schema named by <see cref="DefaultSchemaId"/> (validated to exist at load).</summary>
    public IdentitySchemaOptions DefaultSchema() =>
        FindSchema(DefaultSchemaId) ?? throw new InvalidOperationException($"identity schema \"{DefaultSchemaId}\" is not configured");
}
