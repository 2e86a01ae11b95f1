namespace Custos.SelfService.Flows.Registration;

/// <summary>A strategy built <paramref name="Identity"/> from the form: traits and its credential, not stored yet.</summary>
internal sealed record RegistrationSucceeded(Identity.Identity Identity)
{
    /// <summary>
    /// What to answer instead of "this identifier is taken" when the insert conflicts with an existing account (social
    /// sign-in offers to link the two, strategies contract §5.8); null, or a null answer, keeps the default message.
    /// </summary>
    public Func<CancellationToken, Task<Submit.FlowOutcome?>>? OnConflict { get; init; }
}
