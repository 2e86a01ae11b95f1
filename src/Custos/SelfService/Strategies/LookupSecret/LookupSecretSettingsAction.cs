namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>The settings buttons of the method, in Kratos's precedence when several are set.</summary>
internal enum LookupSecretSettingsAction
{
    Confirm,
    Reveal,
    Disable,
    Regenerate,
}
