namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>The <c>authenticatorSelection</c> member of creation options; null members are left out, as go-webauthn does.</summary>
internal sealed record AuthenticatorSelection(string? Attachment, bool? RequireResidentKey, string? ResidentKey, string UserVerification);
