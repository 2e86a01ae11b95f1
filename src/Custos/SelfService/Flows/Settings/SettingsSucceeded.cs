namespace Custos.SelfService.Flows.Settings;

/// <summary>A strategy accepted a change: <paramref name="Identity"/> is the identity as it is to be stored.</summary>
internal sealed record SettingsSucceeded(Identity.Identity Identity);
