namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Which stored secret a submission may use: one of <see cref="Hmacs"/> (the submitted secret under every configured
/// key) issued for <see cref="FlowId"/>; for login codes also for <see cref="IdentityId"/>, for registration codes
/// also sent to one of <see cref="Addresses"/> (the code addresses of the traits submitted with it).
/// </summary>
internal sealed record OneTimeSecretMatch(Guid FlowId, IReadOnlyList<string> Hmacs)
{
    /// <summary>When set, only a secret issued to this identity matches (login codes).</summary>
    public Guid? IdentityId { get; init; }

    /// <summary>When set, only a secret sent to one of these addresses matches (registration codes).</summary>
    public IReadOnlyList<string>? Addresses { get; init; }
}
