using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Errors;
using Custos.SelfService.Flows.Http;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows;

/// <summary>
/// Errors of self-service endpoints reach browsers through the error UI: the error is stored and the browser is
/// sent to <c>{ui.error}?id=</c>. JSON clients and API flows get the envelope directly.
/// </summary>
internal sealed class BrowserErrorFilter : IEndpointFilter
{
    public const string ApiFlowItem = "custos.flow.api";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        try
        {
            return await next(invocation);
        }
        catch (CustosException e) when (IsBrowser(invocation.HttpContext))
        {
            var context = invocation.HttpContext;
            var store = context.RequestServices.GetRequiredService<SelfServiceErrorStore>();
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CustosOptions>>().CurrentValue;
            var error = ErrorEnvelope.Build(e, null)["error"]!.AsObject();
            var id = await store.AddAsync((System.Text.Json.Nodes.JsonObject)error.DeepClone(), context.RequestAborted);
            return FlowResponder.Redirect(FlowUrls.WithQuery(options.Selfservice.Flows.Error.UiUrl, "id", id.ToString("D")));
        }
    }

    private static bool IsBrowser(HttpContext context) =>
        !context.Items.ContainsKey(ApiFlowItem) && !ContentNegotiation.IsJsonRequest(context.Request);
}
