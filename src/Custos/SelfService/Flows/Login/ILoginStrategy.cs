using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Flows.Login;

/// <summary>A login method (<c>password</c>, later <c>code</c>, <c>totp</c>, ...): its nodes and its credential check.</summary>
internal interface ILoginStrategy
{
    /// <summary>The <c>method</c> value this strategy answers.</summary>
    string Method { get; }

    /// <summary>Whether <c>selfservice.methods.&lt;method&gt;.enabled</c>.</summary>
    bool IsEnabled(CustosOptions options);

    /// <summary>Adds the strategy's nodes to a new flow (for a refresh, <paramref name="identifier"/> is the session's identifier).</summary>
    Task PopulateAsync(LoginFlow flow, string? identifier, CancellationToken ct);

    /// <summary>Checks the submitted credentials; null means invalid, with messages already on the flow.</summary>
    Task<Identity.Identity?> LoginAsync(LoginFlow flow, JsonObject payload, CancellationToken ct);
}
