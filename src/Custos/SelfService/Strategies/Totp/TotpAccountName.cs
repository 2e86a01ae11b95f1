using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Schema;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The account name authenticator apps show, as Kratos's totp schema extension finds it: the value of the trait marked
/// <c>"ory.sh/kratos": {"credentials": {"totp": {"account_name": true}}}</c> (the last one when several are), else
/// the identity id.
/// </summary>
internal sealed class TotpAccountName(IdentitySchemaProvider schemas)
{
    private const string Extension = "ory.sh/kratos";

    public async Task<string> ResolveAsync(Identity.Identity identity, CancellationToken ct)
    {
        var fallback = identity.Id.ToString("D");
        LoadedSchema schema;
        try
        {
            schema = await schemas.GetAsync(identity.SchemaId, ct);
        }
        catch (CustosException)
        {
            // Kratos ignores what its validator says here and keeps the fallback.
            return fallback;
        }

        using var document = JsonDocument.Parse(new JsonObject { ["traits"] = identity.Traits.DeepClone() }.ToJsonString());
        var name = fallback;
        foreach (var a in schema.Compiled.Validate(document.RootElement, [Extension]).Annotations)
        {
            if (a.Keyword == Extension && IsAccountName(a.KeywordValue))
            {
                name = a.Instance.ValueKind == JsonValueKind.String ? a.Instance.GetString()! : a.Instance.GetRawText();
            }
        }

        // An empty trait would make pquerna/otp refuse the key (a 500 in Kratos); the id keeps the page working.
        return name.Length > 0 ? name : fallback;
    }

    private static bool IsAccountName(JsonElement extension) =>
        extension.ValueKind == JsonValueKind.Object
        && extension.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object
        && credentials.TryGetProperty("totp", out var totp) && totp.ValueKind == JsonValueKind.Object
        && totp.TryGetProperty("account_name", out var flag) && flag.ValueKind == JsonValueKind.True;
}
