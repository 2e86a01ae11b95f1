namespace Custos.SelfService.Strategies.Code;

/// <summary>The result of <see cref="IOneTimeSecretStore.ConsumeAsync"/>: the outcome and, when it was <see cref="OneTimeSecretOutcome.Used"/>, the secret.</summary>
internal sealed record OneTimeSecretUse(OneTimeSecretOutcome Outcome, OneTimeSecret? Secret = null);
