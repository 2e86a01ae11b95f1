namespace Custos.Sessions;

/// <summary>
/// One completed authentication of a session (Kratos's AMR entry): the credential type used, the assurance level it
/// provided, when it completed and, for social sign-in, the provider id.
/// </summary>
internal sealed record AuthenticationMethod(string Method, string Aal, DateTime CompletedAt, string? Provider = null);
