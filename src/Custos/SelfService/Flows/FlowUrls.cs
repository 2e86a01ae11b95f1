using Custos.Config;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.SelfService.Flows;

/// <summary>URLs flows point to: the UI with <c>?flow=</c>, the submit action, and self-service routes.</summary>
internal static class FlowUrls
{
    /// <summary>Adds or replaces one query parameter, keeping the others (Kratos keeps the UI URL's own query).</summary>
    public static string WithQuery(string url, string key, string value)
    {
        var hashIndex = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hashIndex >= 0 ? url[hashIndex..] : "";
        var withoutFragment = hashIndex >= 0 ? url[..hashIndex] : url;
        var q = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        var path = q >= 0 ? withoutFragment[..q] : withoutFragment;
        var query = q >= 0 ? QueryHelpers.ParseQuery(withoutFragment[q..]) : new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>();
        var pairs = query.Where(kv => kv.Key != key).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).ToList();
        pairs.Add(new KeyValuePair<string, string?>(key, value));
        return QueryHelpers.AddQueryString(path, pairs) + fragment;
    }

    public static string Ui(FlowKind kind, CustosOptions o, Guid flowId) => WithQuery(FlowKinds.UiUrl(kind, o), "flow", flowId.ToString("D"));

    public static string Public(CustosOptions o, string path) => o.Serve.Public.EffectiveBaseUrl(o.Dev).TrimEnd('/') + path;

    public static string Action(FlowKind kind, CustosOptions o, Guid flowId) => Public(o, $"/self-service/{FlowKinds.Segment(kind)}?flow={flowId:D}");

    /// <summary>The absolute URL of the current request, on the public base URL.</summary>
    public static string RequestUrl(HttpContext context, CustosOptions o) =>
        Public(o, context.Request.Path + context.Request.QueryString);
}
