namespace Custos.SelfService.Flows.Recovery;

internal sealed partial class RecoveryFlowService
{
    /// <summary>
    /// A recovery flow an admin hands out (<c>POST /admin/recovery/code|link</c>): no CSRF binding until a browser opens
    /// it, expiring with the requested <paramref name="expiresIn"/>; <paramref name="method"/> issues the code or link
    /// for it afterwards. The flow belongs to that method (recorded as <c>active</c>), so it redeems the flow even when
    /// <c>selfservice.flows.recovery.use</c> names the other one.
    /// </summary>
    public async Task<RecoveryFlow> CreateForAdminAsync(string type, TimeSpan expiresIn, string? returnTo, IRecoveryStrategy method, CancellationToken ct)
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
        flow.Active = method.Method;
        method.PopulateAdminFlow(flow);
        factory.AddCsrfNode(flow);
        await store.CreateAsync(flow, ct);
        return flow;
    }
}
