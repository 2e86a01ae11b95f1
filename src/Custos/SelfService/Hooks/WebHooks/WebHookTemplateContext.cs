using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Flows;
using Custos.Identity;
using Custos.Sessions;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Builds the Jsonnet <c>ctx</c> in Kratos's shape and order: <c>flow</c> (with its <c>transient_payload</c>),
/// <c>request_headers</c> (only the allow-listed ones, names in canonical form, each a list of values),
/// <c>request_method</c>, <c>request_url</c>, <c>request_cookies</c>, then <c>identity</c> and <c>session</c> when
/// present. The identity is the public view: no credentials and no <c>metadata_admin</c>, as Kratos marshals it.
/// </summary>
internal static class WebHookTemplateContext
{
    public static JsonObject Build(WebHookInvocation invocation, CustosOptions options, DateTime now)
    {
        var publicBase = FlowUrls.Public(options, "/");
        var allowed = new HashSet<string>(options.Clients.WebHook.HeaderAllowlist.Select(CanonicalHeaderName), StringComparer.Ordinal);
        var headers = new JsonObject();
        foreach (var (name, values) in invocation.Request.Headers)
        {
            var canonical = CanonicalHeaderName(name);
            if (allowed.Contains(canonical))
            {
                headers[canonical] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            }
        }

        var cookies = new JsonObject();
        foreach (var (name, value) in invocation.Request.Cookies)
        {
            cookies[name] = value;
        }

        var ctx = new JsonObject
        {
            ["flow"] = invocation.Flow.ToJson(),
            ["request_headers"] = headers,
            ["request_method"] = invocation.Request.Method,
            ["request_url"] = invocation.Request.Url,
            ["request_cookies"] = cookies,
        };
        if (invocation.Identity is { } identity)
        {
            ctx["identity"] = IdentityJson.Public(identity, publicBase);
        }

        if (invocation.Session is { } session)
        {
            ctx["session"] = SessionJson.Write(session, now, publicBase, admin: false);
        }

        return ctx;
    }

    /// <summary>Go's canonical MIME header form (<c>user-agent</c> becomes <c>User-Agent</c>), which Kratos's keys have.</summary>
    public static string CanonicalHeaderName(string name)
    {
        var chars = name.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            upper = chars[i] == '-';
        }

        return new string(chars);
    }
}
