namespace Custos.SelfService.Strategies.Code;

/// <summary>The four kinds of one-time secret a message can carry, each in its own Kratos-named table.</summary>
internal enum OneTimeSecretKind
{
    VerificationCode,
    VerificationToken,
    RecoveryCode,
    RecoveryToken,
}
