using System.Text.Json.Nodes;
using Custos.SelfService.Flows;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The key a settings flow offered (Kratos's internal-context key <c>totp_url</c>). It is bound to the flow, so a
/// code is checked against the secret of the flow it is submitted to, never one shown in another tab.
/// </summary>
internal static class TotpFlowContext
{
    public const string UrlKey = "totp_url";

    public static void SetPendingUrl(Flow flow, string url) => flow.StrategyContext[UrlKey] = url;

    /// <summary>The offered key URI, or null when the flow offered none.</summary>
    public static string? PendingUrl(Flow flow) =>
        flow.StrategyContext[UrlKey] is JsonValue value && value.TryGetValue<string>(out var url) && url.Length > 0 ? url : null;

    /// <summary>Forgets the offered key once it became a credential, as Kratos deletes it from the context.</summary>
    public static void ClearPendingUrl(Flow flow) => flow.StrategyContext.Remove(UrlKey);
}
