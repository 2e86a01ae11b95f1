using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary>
/// <c>totp</c>: a second factor when <c>config.totp_url</c> is a parsable URL, or a sealed key is stored. Kratos only requires Go's
/// <c>url.Parse</c> to succeed, which takes nearly anything that is not empty; <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>
/// with <see cref="UriKind.RelativeOrAbsolute"/> is as lenient, so a device Kratos counts is counted here too.
/// </summary>
internal sealed class TotpAalContributor : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.Totp;

    public FactorCount Count(Credentials? credential)
    {
        var url = CredentialConfig.String(credential?.Config, TotpCredentialConfig.UrlKey)?.Trim();
        if (!string.IsNullOrEmpty(url))
        {
            return !url.Any(char.IsControl) && Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _) ? FactorCount.Multi(1) : FactorCount.None;
        }

        // A key sealed with secrets.cipher (docs/differences.md): its URI was checked before it was sealed.
        return CredentialConfig.String(credential?.Config, TotpCredentialConfig.SealedUrlKey) is { Length: > 0 } ? FactorCount.Multi(1) : FactorCount.None;
    }
}
