using Custos.Hosting;

namespace Custos.SelfService.Flows;

/// <summary>Request checks shared by all flow endpoints.</summary>
internal static class FlowRequests
{
    /// <summary>The <c>flow</c> (or <c>id</c>) query parameter as a UUID; 400 when missing or malformed.</summary>
    public static Guid FlowId(HttpContext context, string key = "flow")
    {
        var raw = context.Request.Query[key].FirstOrDefault();
        return Guid.TryParse(raw, out var id) ? id : throw KratosErrors.BadRequest("The flow query parameter is missing or malformed.");
    }

    /// <summary>
    /// API flows are for native apps: a request carrying an <c>Origin</c> header or cookies (other than Cloudflare's)
    /// is a browser, and is refused so that a browser cannot be tricked into an API flow.
    /// </summary>
    public static string? ApiFlowBrowserHint(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("Origin"))
        {
            return "The HTTP Request Header included the \"Origin\" key, indicating that this request was made as part of an AJAX request in a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.";
        }

        var cookies = context.Request.Cookies.Keys.Where(k => !(k.StartsWith("__cf", StringComparison.Ordinal) || k.StartsWith("_cf", StringComparison.Ordinal) || k.StartsWith("cf_", StringComparison.Ordinal)));
        return cookies.Any()
            ? "The HTTP Request Header included the \"Cookie\" key, indicating that this request was made by a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation."
            : null;
    }

    /// <summary>The 410 of a GET on an expired flow, with Kratos's <c>details</c>.</summary>
    public static CustosException Expired(Flow flow, string publicBase, bool withId)
    {
        var segment = FlowKinds.Segment(flow.Kind);
        var details = new System.Text.Json.Nodes.JsonObject();
        if (flow.IsBrowser)
        {
            var redirect = $"{publicBase}/self-service/{segment}/browser";
            if (flow.ReturnTo is { } returnTo)
            {
                redirect = FlowUrls.WithQuery(redirect, "return_to", returnTo);
                details["return_to"] = returnTo;
            }

            details["redirect_to"] = redirect;
        }
        else
        {
            details["api"] = $"{publicBase}/self-service/{segment}/api";
        }

        return new CustosException(410, "The requested resource is no longer available because it has expired or is otherwise invalid.",
            "The self-service flow expired, initialize a new one.", withId ? "self_service_flow_expired" : null) { Details = details };
    }
}
