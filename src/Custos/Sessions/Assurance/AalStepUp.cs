using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Custos.Sessions.Assurance;

/// <summary>
/// What the aal2 login URL of a <c>session_aal2_required</c> answer carries besides <c>aal=aal2</c>: whoami and the
/// session list carry nothing (<see cref="None"/>), settings carry <c>return_to</c> (<see cref="ReturningTo"/>), a
/// login completion copies <c>return_to</c> and <c>login_challenge</c> from the login flow's request URL
/// (<see cref="FromLoginRequestUrl"/>).
/// </summary>
/// <param name="ReturnTo">Becomes <c>return_to</c>; null or empty leaves it out.</param>
/// <param name="LoginChallenge">Becomes <c>login_challenge</c> (Hydra); null or empty leaves it out.</param>
internal sealed record AalStepUp(string? ReturnTo = null, string? LoginChallenge = null)
{
    public static AalStepUp None { get; } = new();

    /// <summary>Settings: return to <paramref name="url"/> (the request URL, or <c>{ui.settings}?flow=&lt;id&gt;</c> when fetching a flow).</summary>
    public static AalStepUp ReturningTo(string? url) => new(url);

    /// <summary>
    /// Login completion: the <c>return_to</c> and <c>login_challenge</c> query parameters of the flow's <c>request_url</c>
    /// (Kratos's <c>PassReturnToAndLoginChallengeParameters</c>); an unparsable URL carries nothing.
    /// </summary>
    public static AalStepUp FromLoginRequestUrl(string? requestUrl)
    {
        if (string.IsNullOrEmpty(requestUrl) || !Uri.TryCreate(requestUrl, UriKind.Absolute, out var uri))
        {
            return None;
        }

        var query = QueryHelpers.ParseQuery(uri.Query);
        return new AalStepUp(First(query, "return_to"), First(query, "login_challenge"));
    }

    /// <summary>
    /// <c>{publicBaseUrl}/self-service/login/browser?aal=aal2</c>, then <c>login_challenge</c> and <c>return_to</c> when
    /// set: Go's <c>url.Values.Encode</c> sorts the keys and form-escapes the values, so the URL equals Kratos's byte for byte.
    /// </summary>
    public string ToUrl(string publicBaseUrl)
    {
        var url = new StringBuilder(publicBaseUrl.TrimEnd('/')).Append("/self-service/login/browser?aal=aal2");
        if (!string.IsNullOrEmpty(LoginChallenge))
        {
            url.Append("&login_challenge=").Append(QueryEscape(LoginChallenge));
        }

        if (!string.IsNullOrEmpty(ReturnTo))
        {
            url.Append("&return_to=").Append(QueryEscape(ReturnTo));
        }

        return url.ToString();
    }

    // Go's url.QueryEscape: unreserved characters stay, a space becomes '+', everything else is %XX.
    private static string QueryEscape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static string? First(Dictionary<string, StringValues> query, string key) =>
        query.TryGetValue(key, out var values) ? values.FirstOrDefault() : null;
}
