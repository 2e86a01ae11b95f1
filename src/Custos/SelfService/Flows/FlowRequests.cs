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
