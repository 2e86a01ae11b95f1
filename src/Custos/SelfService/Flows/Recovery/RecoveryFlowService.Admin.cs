namespace Custos.SelfService.Flows.Recovery;

internal sealed partial class RecoveryFlowService
{
    /// <summary>
    /// A recovery flow an admin hands out (<c>POST /admin/recovery/code|link</c>): no CSRF binding until a browser opens
    /// it, expiring with the requested <paramref name="expiresIn"/>; the caller issues the code or token for it. The flow
    /// belongs to <paramref name="method"/> (recorded as <c>active</c>), so that method redeems it even when
    /// <c>selfservice.flows.recovery.use</c> names the other one.
    /// </summary>
    public async Task<RecoveryFlow> CreateForAdminAsync(string type, Identity.Identity identity, TimeSpan expiresIn, string? returnTo, string method, CancellationToken ct)
    {
        var requestUrl = FlowUrls.Public(O, "/self-service/recovery/" + (type == FlowTypes.Browser ? "browser" : "api"));
        var flow = New(type, returnTo is null ? requestUrl : FlowUrls.WithQuery(requestUrl, "return_to", returnTo));
        var now = factory.Now;
        flow.IssuedAt = now;
        flow.CreatedAt = now;
        flow.UpdatedAt = now;
        flow.ExpiresAt = now + expiresIn;
        flow.Ui.Action = FlowUrls.Action(FlowKind.Recovery, O, flow.Id);
        flow.SkipCsrfCheck = true;
        flow.Active = method;
        if (method == RecoveryMethods.Link)
        {
            PopulateChooseMethod(flow, null, method);
        }
        else
        {
            flow.State = "sent_email";
            PopulateCodeForm(flow, null);
        }

        factory.AddCsrfNode(flow);
        await store.CreateAsync(flow, ct);
        return flow;
    }
}
