namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// A provider's verified answer, handed from <see cref="OidcCallbackHandler"/> to the strategy while the flow service
/// runs the submission it resumes (the callback is a submission of the flow the state names, with the method
/// <c>oidc</c>, whose credentials were checked upstream instead of in a form).
/// </summary>
/// <param name="FlowId">The flow this answer belongs to; the strategy ignores it for any other flow.</param>
/// <param name="Provider">The provider that answered.</param>
/// <param name="Claims">The person's claims.</param>
/// <param name="Tokens">The tokens to store (encrypted) when a credential is created or linked; none for a submitted <c>id_token</c>.</param>
/// <param name="Traits">Traits submitted with the start (registration): they override the mapper's.</param>
/// <param name="Existing">The identity that already has this provider's subject, or null.</param>
internal sealed record OidcCallback(
    Guid FlowId,
    IOidcProvider Provider,
    OidcClaims Claims,
    OidcTokens Tokens,
    System.Text.Json.Nodes.JsonObject? Traits,
    Identity.Identity? Existing);
