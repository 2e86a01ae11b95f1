namespace Custos.SelfService.Strategies.Oidc;

/// <summary>One entry of the mapper's <c>verified_addresses</c>.</summary>
internal sealed record OidcVerifiedAddress(string Via, string Value);
