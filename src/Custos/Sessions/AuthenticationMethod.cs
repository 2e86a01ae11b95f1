namespace Custos.Sessions;

/// <summary>
/// One completed authentication of a session (Kratos's AMR entry): the credential type used, the assurance level it
/// provided and when it completed; social sign-in adds the provider id, the organisation and the upstream
/// <c>acr</c>/<c>amr</c> claims it reported. Written by <see cref="AuthenticationMethodJson"/>.
/// </summary>
internal sealed record AuthenticationMethod(
    string Method,
    string Aal,
    DateTime CompletedAt,
    string? Provider = null,
    string? Organization = null,
    string? UpstreamAcr = null,
    IReadOnlyList<string>? UpstreamAmr = null);
