using System.Text.Json;
using Custos.Schema;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies;

/// <summary>
/// The label of the login <c>identifier</c> node, as Kratos derives it from the identity schema: the trait's
/// <c>title</c> (1070002) when exactly one trait carries a credential identifier of any method (password, webauthn,
/// passkey display name, totp account name, code) and has a title; otherwise "ID" (1070004).
/// </summary>
internal static class LoginIdentifierLabel
{
    /// <summary>The label for the identity schema <paramref name="schemaId"/>.</summary>
    public static async Task<UiText> ForAsync(IdentitySchemaProvider schemas, string schemaId, CancellationToken ct) =>
        FromSchema((await schemas.GetAsync(schemaId, ct)).Raw);

    public static UiText FromSchema(JsonElement schema)
    {
        var found = TraitMarks.Find(schema, IsIdentifier);
        return found is [var only] && only.Node.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
            ? Messages.InfoNodeLabelGenerated(title.GetString()!, only.Path)
            : Messages.InfoNodeLabelID();
    }

    private static bool IsIdentifier(JsonElement credentials) =>
        TraitMarks.Flag(credentials, "password", "identifier") || TraitMarks.Flag(credentials, "webauthn", "identifier")
        || TraitMarks.Flag(credentials, "passkey", "display_name") || TraitMarks.Flag(credentials, "totp", "account_name")
        || TraitMarks.Flag(credentials, "code", "identifier");
}
