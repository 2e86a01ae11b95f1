namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The <c>otpauth://totp/</c> key URI as Kratos stores and shows it (pquerna/otp v1.4.0, which Kratos pins):
/// <c>otpauth://totp/&lt;issuer&gt;:&lt;account&gt;?algorithm=SHA1&amp;digits=6&amp;issuer=&lt;issuer&gt;&amp;period=30&amp;secret=&lt;base32&gt;</c>,
/// the query keys sorted, each value escaped with Go's <c>url.PathEscape</c>.
/// </summary>
internal static class TotpKeyUri
{
    public static string Build(string issuer, string accountName, string secret)
    {
        var query = new (string Key, string Value)[]
        {
            ("algorithm", "SHA1"),
            ("digits", TotpCode.Digits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("issuer", issuer),
            ("period", TotpCode.Period.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("secret", secret),
        };
        return "otpauth://totp" + GoUrlEscaping.Path("/" + issuer + ":" + accountName) + "?"
            + string.Join('&', query.Select(p => GoUrlEscaping.PathSegment(p.Key) + "=" + GoUrlEscaping.PathSegment(p.Value)));
    }

    /// <summary>
    /// The <c>secret</c> query parameter as Go's <c>url.Values.Get</c> reads it (the first well-formed pair), or null.
    /// Like Kratos, only the secret is read: algorithm, digits and period in the URI are ignored (always SHA1/6/30).
    /// </summary>
    public static string? Secret(string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragment >= 0 ? url[..fragment] : url;
        var question = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        foreach (var pair in withoutFragment[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals >= 0 ? pair[..equals] : pair;
            if (rawKey.Contains(';', StringComparison.Ordinal) || GoUrlEscaping.QueryUnescape(rawKey) != "secret")
            {
                continue;
            }

            if (GoUrlEscaping.QueryUnescape(equals >= 0 ? pair[(equals + 1)..] : "") is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
