using System.Text.Json;
using Custos.Config;
using Custos.Schema;

namespace Custos.SelfService.Strategies.Password;

/// <summary>
/// The <c>password</c> method for login, registration and settings (one class, partial files per flow). Owns its
/// nodes and its checks; never writes the HTTP response.
/// </summary>
internal sealed partial class PasswordStrategy(
    PasswordLoginVerifier verifier,
    IdentitySchemaProvider schemas,
    Microsoft.Extensions.Options.IOptionsMonitor<CustosOptions> options,
    TimeProvider clock,
    PasswordChange passwordChange) : IAuthStrategy
{
    public string Method => "password";

    public int Order => StrategyOrder.Password;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Password.Enabled;

    /// <summary>The title of the schema's password identifier trait, when there is exactly one such trait.</summary>
    private async Task<(string Title, string Name)?> IdentifierTitleAsync(string? schemaId, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(schemaId ?? options.CurrentValue.Identity.DefaultSchemaId, ct);
        var found = new List<(string, string)>();
        Collect(schema.Raw, "traits", found, depth: 0);
        return found.Count == 1 ? found[0] : null;
    }

    private static void Collect(JsonElement node, string path, List<(string Title, string Name)> found, int depth)
    {
        if (depth > 16 || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("ory.sh/kratos", out var ext) && ext.ValueKind == JsonValueKind.Object
            && ext.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object
            && credentials.TryGetProperty("password", out var password) && password.ValueKind == JsonValueKind.Object
            && password.TryGetProperty("identifier", out var flag) && flag.ValueKind == JsonValueKind.True
            && node.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            found.Add((title.GetString()!, path));
        }

        var properties = depth == 0 && node.TryGetProperty("properties", out var root) && root.TryGetProperty("traits", out var traits) ? traits : node;
        if (properties.TryGetProperty("properties", out var children) && children.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in children.EnumerateObject())
            {
                Collect(child.Value, path + "." + child.Name, found, depth + 1);
            }
        }
    }
}
