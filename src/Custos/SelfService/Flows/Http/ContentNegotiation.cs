namespace Custos.SelfService.Flows.Http;

/// <summary>
/// Kratos's two content-negotiation predicates, reproducing Go's <c>gddo/httputil.NegotiateContentType</c> exactly:
/// offers are tried in order against every <c>Accept</c> entry with q &gt; 0; an entry with a lower q than the best so
/// far is skipped; otherwise a better q, or the same q with a more specific match (exact &lt; <c>type/*</c> &lt;
/// <c>*/*</c>), takes over; ties keep the earlier offer; nothing matching means <c>text/html</c>.
/// </summary>
internal static class ContentNegotiation
{
    private static readonly string[] JsonRequestOffers = ["text/html", "text/*", "*/*", "application/json"];
    private static readonly string[] AcceptsJsonOffers = ["text/html", "application/json"];

    /// <summary>
    /// Kratos's <c>IsJSONRequest</c>: the best match of <c>[text/html, text/*, */*, application/json]</c> is JSON, or the
    /// <c>Content-Type</c> header is exactly <c>application/json</c> (with a charset it is not).
    /// </summary>
    public static bool IsJsonRequest(HttpRequest request) =>
        Negotiate(request, JsonRequestOffers, "text/html") == "application/json"
        || string.Equals(request.Headers.ContentType.ToString(), "application/json", StringComparison.Ordinal);

    /// <summary>Kratos's <c>IsBrowserRequest</c>: the best match of <c>[text/html, text/*, */*, application/json]</c> is HTML.</summary>
    public static bool IsBrowserRequest(HttpRequest request) => Negotiate(request, JsonRequestOffers, "text/html") == "text/html";

    /// <summary>Kratos's <c>AcceptsJSON</c>: the best match of <c>[text/html, application/json]</c> is JSON; Content-Type is ignored.</summary>
    public static bool AcceptsJson(HttpRequest request) => Negotiate(request, AcceptsJsonOffers, "text/html") == "application/json";

    public static string Negotiate(HttpRequest request, IReadOnlyList<string> offers, string defaultOffer) =>
        Negotiate(AcceptSpec.Parse(request.Headers.Accept), offers, defaultOffer);

    public static string Negotiate(IReadOnlyList<AcceptSpec> specs, IReadOnlyList<string> offers, string defaultOffer)
    {
        var bestOffer = defaultOffer;
        var bestQ = -1.0;
        var bestWild = 3;
        foreach (var offer in offers)
        {
            foreach (var spec in specs)
            {
                if (spec.Q == 0.0 || spec.Q < bestQ)
                {
                    continue;
                }

                if (spec.Value == "*/*")
                {
                    if (spec.Q > bestQ || bestWild > 2)
                    {
                        (bestQ, bestWild, bestOffer) = (spec.Q, 2, offer);
                    }
                }
                else if (spec.Value.EndsWith("/*", StringComparison.Ordinal))
                {
                    if (offer.StartsWith(spec.Value[..^1], StringComparison.Ordinal) && (spec.Q > bestQ || bestWild > 1))
                    {
                        (bestQ, bestWild, bestOffer) = (spec.Q, 1, offer);
                    }
                }
                else if (spec.Value == offer && (spec.Q > bestQ || bestWild > 0))
                {
                    (bestQ, bestWild, bestOffer) = (spec.Q, 0, offer);
                }
            }
        }

        return bestOffer;
    }
}
