namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// The mapper could not be fetched or evaluated, or returned the wrong shape. <see cref="Status"/>: 500 for what only
/// the operator can fix (Kratos's messages, e.g. "OpenID Connect Jsonnet mapper did not return an object for key
/// identity.traits. Please check your Jsonnet code!"), 400 for a <c>verified_addresses</c> that is not an array.
/// </summary>
internal sealed class OidcMapperException(string reason, int status = 500) : Exception(reason)
{
    public int Status { get; } = status;
}
