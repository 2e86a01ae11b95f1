namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>How the settings flow answers a lookup-secret button.</summary>
internal enum LookupSecretSettingsResult
{
    /// <summary>
    /// Reveal, regenerate: only the flow changed. Save it and answer with it (200 JSON, 303 to the settings UI for
    /// browsers); the state stays, no hooks run (Kratos's <c>ErrStrategyAsksToReturnToUI</c>).
    /// </summary>
    ShowFlow,

    /// <summary>
    /// Confirm, disable: the identity's credential changed in memory. Finish as a settings success: save the
    /// identity and the flow, state <c>success</c>, 1050001, hooks of <c>after.lookup_secret</c>, rebuilt UI.
    /// </summary>
    IdentityChanged,

    /// <summary>A 400 shown as the outcome's message in <c>ui.messages</c> (messages reset first); nothing changed.</summary>
    Failed,
}
