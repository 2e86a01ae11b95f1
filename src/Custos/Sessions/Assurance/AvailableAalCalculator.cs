using Custos.Config;
using Custos.Identity;
using Microsoft.Extensions.Options;

namespace Custos.Sessions.Assurance;

/// <summary>
/// An identity's highest available AAL, derived from its credentials every time it is asked (Kratos's
/// <c>SetAvailableAAL</c>): <c>aal2</c> when any second factor is usable, else <c>aal1</c> when any first factor is,
/// else <c>aal0</c>. The stored <c>available_aal</c> column is never consulted: a stale value there was the MFA
/// bypass of GHSA-wc43-73w7-x2f5.
/// </summary>
internal sealed class AvailableAalCalculator
{
    private readonly IReadOnlyList<ICredentialAalContributor> _contributors;

    /// <param name="registered">Contributors other methods registered; each replaces the built-in for its type, the last registration wins.</param>
    /// <param name="options">For the built-ins that depend on configuration (<c>code</c>, <c>password</c>).</param>
    public AvailableAalCalculator(IEnumerable<ICredentialAalContributor> registered, IOptionsMonitor<CustosOptions> options)
    {
        ICredentialAalContributor[] builtIn =
        [
            new PasswordAalContributor(options), new OidcAalContributor(), new CodeAalContributor(options), new TotpAalContributor(),
            new PasskeyAalContributor(), new WebAuthnAalContributor(), new LookupSecretAalContributor(),
        ];
        var byType = new Dictionary<string, ICredentialAalContributor>(StringComparer.Ordinal);
        foreach (var contributor in builtIn.Concat(registered))
        {
            byType[contributor.CredentialType] = contributor;
        }

        _contributors = byType.Values.ToList();
    }

    /// <summary>The summed factors of all credentials; types without a contributor count nothing.</summary>
    public FactorCount Count(IReadOnlyDictionary<string, Credentials> credentials) => Count(credentials, _ => true);

    /// <summary>The summed factors of the credential types <paramref name="include"/> accepts.</summary>
    public FactorCount Count(IReadOnlyDictionary<string, Credentials> credentials, Func<string, bool> include)
    {
        var total = FactorCount.None;
        foreach (var contributor in _contributors.Where(c => include(c.CredentialType)))
        {
            total += contributor.Count(credentials.GetValueOrDefault(contributor.CredentialType));
        }

        return total;
    }

    /// <summary><c>aal2</c>, <c>aal1</c> or <c>aal0</c> for these credentials.</summary>
    public string Compute(IReadOnlyDictionary<string, Credentials> credentials)
    {
        var count = Count(credentials);
        return count.MultiFactor > 0
            ? AuthenticatorAssurance.Aal2
            : count.FirstFactor > 0 ? AuthenticatorAssurance.Aal1 : AuthenticatorAssurance.Aal0;
    }
}
