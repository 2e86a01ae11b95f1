using System.Text.Json.Nodes;
using Custos.Schema;

namespace Custos.SelfService.Strategies.Passkey;

/// <summary>
/// The trait that names a passkey for the authenticator: every trait marked <c>credentials.passkey.display_name</c> or
/// <c>credentials.webauthn.identifier</c> in the identity schema, as Kratos finds them (strategies contract §4.1).
/// </summary>
internal sealed class PasskeyDisplayName(IdentitySchemaProvider schemas)
{
    public IdentitySchemaProvider Schemas => schemas;

    /// <summary>The marked trait paths (<c>traits.email</c>), sorted; empty when the schema marks none.</summary>
    public async Task<IReadOnlyList<string>> FieldNamesAsync(string? schemaId, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(schemaId ?? schemas.DefaultSchemaId, ct);
        var found = TraitMarks.Find(schema.Raw, c => TraitMarks.Flag(c, "passkey", "display_name") || TraitMarks.Flag(c, "webauthn", "identifier"))
            .Select(m => m.Path).ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The identity's value of the first marked trait, or "" when it has none.</summary>
    public async Task<string> ValueAsync(Identity.Identity identity, CancellationToken ct)
    {
        foreach (var path in await FieldNamesAsync(identity.SchemaId, ct))
        {
            JsonNode? node = identity.Traits;
            foreach (var part in path.Split('.').Skip(1))
            {
                node = node is JsonObject o ? o[part] : null;
            }

            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }
        }

        return "";
    }
}
