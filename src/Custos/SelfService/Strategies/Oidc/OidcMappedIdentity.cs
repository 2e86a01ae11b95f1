using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// The mapper's <c>identity</c> output: <c>traits</c> (always an object), the metadata only when the output had the
/// key, and the <c>verified_addresses</c> (<c>via</c>, <c>value</c>; e-mail values trimmed and lower-cased).
/// </summary>
internal sealed record OidcMappedIdentity(
    JsonObject Traits,
    JsonObject? MetadataPublic,
    JsonObject? MetadataAdmin,
    IReadOnlyList<OidcVerifiedAddress> VerifiedAddresses);
