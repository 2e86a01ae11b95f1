namespace Custos.SelfService.Flows.Registration;

/// <summary>A strategy built <paramref name="Identity"/> from the form: traits and its credential, not stored yet.</summary>
internal sealed record RegistrationSucceeded(Identity.Identity Identity);
