namespace Custos.SelfService.Flows.ReturnTo;

/// <summary>
/// Classifies wildcard hosts of <c>selfservice.allowed_return_urls</c>. Kratos honours a wildcard only when it is a
/// whole leading label bounded at a registrable domain (<c>*.example.com</c>); <c>*</c>, <c>*.com</c>,
/// <c>*foo.com</c> and <c>foo.*.com</c> would match hosts anyone can register. Kratos asks the public-suffix list;
/// we approximate it: the base needs two labels, must not be a ccTLD second level such as <c>co.uk</c>, and must not
/// be a well-known shared hosting suffix.
/// </summary>
internal static class WildcardHost
{
    private static readonly HashSet<string> SecondLevelLabels = new(StringComparer.Ordinal)
    {
        "ac", "co", "com", "edu", "gob", "gov", "go", "govt", "id", "lg", "ltd", "mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch",
    };

    private static readonly HashSet<string> SharedSuffixes = new(StringComparer.Ordinal)
    {
        "amazonaws.com", "appspot.com", "azurewebsites.net", "azurestaticapps.net", "blogspot.com", "cloudfront.net",
        "firebaseapp.com", "fly.dev", "github.io", "gitlab.io", "herokuapp.com", "netlify.app", "onrender.com",
        "pages.dev", "vercel.app", "web.app", "workers.dev",
    };

    public static bool HasWildcard(string host) => host.Contains('*', StringComparison.Ordinal);

    /// <summary>True for a wildcard host that is not bounded at a registrable domain.</summary>
    public static bool IsUnsafe(string host)
    {
        if (!HasWildcard(host))
        {
            return false;
        }

        if (!host.StartsWith("*.", StringComparison.Ordinal) || host.IndexOf('*', 1) >= 0)
        {
            return true;
        }

        var colon = host.LastIndexOf(':');
        var @base = (colon > 0 ? host[2..colon] : host[2..]).ToLowerInvariant().TrimEnd('.');
        var labels = @base.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0) || SharedSuffixes.Contains(@base))
        {
            return true;
        }

        return labels.Length == 2 && labels[1].Length == 2 && SecondLevelLabels.Contains(labels[0]);
    }
}
