namespace Custos.SelfService.Strategies.Code;

/// <summary>The kinds of one-time secret a message can carry, each in its own Kratos-named table.</summary>
internal enum OneTimeSecretKind
{
    VerificationCode,
    VerificationToken,
    RecoveryCode,
    RecoveryToken,

    /// <summary><c>identity_login_codes</c>: bound to a login flow, an identity and the address it was sent to.</summary>
    LoginCode,

    /// <summary><c>identity_registration_codes</c>: bound to a registration flow and the address it was sent to (no identity yet).</summary>
    RegistrationCode,
}
