using Custos.Config;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The relying party a ceremony is checked against: <c>rp.id</c>, <c>rp.display_name</c> and the origins a client may
/// sign for. Kratos's default origin is the public base URL's scheme with the RP id as host (strategies contract §4.1).
/// </summary>
internal sealed record RelyingParty(string Id, string Name, IReadOnlyList<string> Origins)
{
    public static RelyingParty From(RelyingPartyOptions rp, string publicBaseUrl)
    {
        var id = rp.Id ?? "";
        var origins = rp.EffectiveOrigins();
        if (origins.Count == 0)
        {
            var scheme = Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) ? uri.Scheme : "https";
            origins = [scheme + "://" + id];
        }

        return new RelyingParty(id, rp.DisplayName ?? "", origins.Select(o => o.TrimEnd('/')).ToList());
    }
}
