using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// Runs a provider's Jsonnet <c>mapper_url</c> (strategies contract §5.5) with <c>std.extVar('claims')</c> and
/// <c>std.extVar('identity')</c>. A mapper that cannot be fetched, fails, times out or returns the wrong shape throws
/// <see cref="OidcMapperException"/>; never anything else.
/// </summary>
internal interface IOidcClaimsMapper
{
    /// <param name="provider">The provider whose <c>mapper_url</c> runs.</param>
    /// <param name="claims"><see cref="OidcClaims.ToJson"/>.</param>
    /// <param name="identity"><c>{traits, metadata_public, metadata_admin}</c> of the existing identity, or null (then all three are <c>{}</c>).</param>
    Task<OidcMappedIdentity> MapAsync(OidcProviderOptions provider, JsonObject claims, JsonObject? identity, CancellationToken ct);
}
