using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Custos.Courier.Channels;

/// <summary>MimeKit's DKIM signer with the signature time (<c>t=</c>) taken from the injected clock.</summary>
internal sealed class ClockedDkimSigner(AsymmetricKeyParameter key, string domain, string selector, TimeProvider clock)
    : DkimSigner(key, domain, selector, DkimKeyFile.AlgorithmOf(key))
{
    protected override long GetTimestamp() => clock.GetUtcNow().ToUnixTimeSeconds();
}
