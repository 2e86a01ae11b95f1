namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The provider answer the current request resumes a flow with (scoped: one per request), or none.</summary>
internal sealed class OidcCallbackContext
{
    /// <summary>The answer being resumed, set by the callback (or an <c>id_token</c> submission) before the flow service runs.</summary>
    public OidcCallback? Current { get; set; }

    /// <summary>The answer for <paramref name="flowId"/>, or null.</summary>
    public OidcCallback? For(Guid flowId) => Current is { } c && c.FlowId == flowId ? c : null;
}
