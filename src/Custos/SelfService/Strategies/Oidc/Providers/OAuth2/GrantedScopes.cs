using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>
/// The scopes a token answer says were granted (<c>scope</c>), and Kratos's check that every configured scope is among
/// them: a person may untick a permission on the consent page, and the claims read afterwards would silently miss it.
/// </summary>
internal static class GrantedScopes
{
    /// <summary>The granted scopes; <paramref name="separator"/> is <c>,</c> for GitHub and a space for Discord.</summary>
    public static IReadOnlyList<string> Of(JsonObject tokenAnswer, char separator) =>
        ProviderApi.Text(tokenAnswer, "scope") is { } scope
            ? scope.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];

    /// <summary>Throws Kratos's <c>ErrScopeMissing</c> (400) when a configured scope was not granted.</summary>
    public static void RequireAll(IEnumerable<string> configured, IReadOnlyList<string> granted)
    {
        if (configured.Any(scope => !granted.Contains(scope, StringComparer.Ordinal)))
        {
            throw new OidcProviderException(
                "Unable to finish because one or more permissions were not granted. Please retry and accept all permissions.", 400);
        }
    }
}
