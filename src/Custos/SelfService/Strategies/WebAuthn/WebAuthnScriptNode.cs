using System.Text.Json.Nodes;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The <c>webauthn_script</c> node of browser flows that offer WebAuthn or passkeys (group <c>webauthn</c> for
/// both, as Kratos).
/// </summary>
internal static class WebAuthnScriptNode
{
    public const string Id = "webauthn_script";

    /// <summary>A node with a fresh random nonce, as Kratos draws a new UUID for every render.</summary>
    /// <summary>
    /// Adds the script to a browser flow's form once: passkeys and security keys both want it, and a second node would
    /// change its nonce. API flows never carry a script (§4.2).
    /// </summary>
    public static void AddTo(Flows.Flow flow, string publicBaseUrl)
    {
        if (flow.IsBrowser && flow.Ui.Nodes.All(n => n.Key != Id))
        {
            flow.Ui.Nodes.Add(Create(publicBaseUrl));
        }
    }

    public static UiNode Create(string publicBaseUrl) => Create(publicBaseUrl, Guid.NewGuid().ToString("D"));

    /// <summary>
    /// The node for a given nonce. Attributes follow Kratos's <c>ScriptAttributes</c> field order; <c>src</c> is the
    /// public base URL (its path kept) joined with the script's path.
    /// </summary>
    public static UiNode Create(string publicBaseUrl, string nonce) => new()
    {
        Type = "script",
        Group = "webauthn",
        Attributes = new JsonObject
        {
            ["src"] = publicBaseUrl.TrimEnd('/') + WebAuthnScript.Path,
            ["async"] = true,
            ["referrerpolicy"] = "no-referrer",
            ["crossorigin"] = "anonymous",
            ["integrity"] = WebAuthnScript.Integrity,
            ["type"] = "text/javascript",
            ["id"] = Id,
            ["nonce"] = nonce,
            ["node_type"] = "script",
        },
    };
}
