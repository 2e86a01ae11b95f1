namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// An upstream step failed (token exchange, userinfo, a provider API, an <c>id_token</c> that does not verify). Kratos
/// answers these with the given status (502 upstream error by default; 403 for a submitted <c>id_token</c> that does
/// not verify) and shows <see cref="Exception.Message"/> as the reason. The message never holds a token or secret.
/// </summary>
internal sealed class OidcProviderException(string reason, int status = 502) : Exception(reason)
{
    /// <summary>The HTTP status Kratos answers with.</summary>
    public int Status { get; } = status;
}
