using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The functions <c>webauthn.js</c> defines, named by trigger nodes (<c>onclickTrigger</c>, <c>onloadTrigger</c>). Browser
/// flows also get the deprecated raw handlers (<c>onclick</c>, <c>onload</c>); API flows never carry JavaScript (§4.2).
/// </summary>
internal static class WebAuthnTriggers
{
    public const string WebAuthnLogin = "oryWebAuthnLogin";
    public const string WebAuthnRegistration = "oryWebAuthnRegistration";
    public const string PasskeyLogin = "oryPasskeyLogin";
    public const string PasskeyLoginAutocompleteInit = "oryPasskeyLoginAutocompleteInit";
    public const string PasskeyRegistration = "oryPasskeyRegistration";
    public const string PasskeySettingsRegistration = "oryPasskeySettingsRegistration";

    /// <summary>
    /// Adds the trigger attributes before <c>node_type</c>, in Kratos's attribute order. <paramref name="argument"/> is
    /// the options JSON the webauthn (security key) functions take inline; passkey functions read their inputs.
    /// </summary>
    public static UiNode Apply(UiNode node, bool browser, string? onclick = null, string? onload = null, string? argument = null)
    {
        var attributes = node.Attributes;
        var nodeType = attributes["node_type"]?.DeepClone();
        attributes.Remove("node_type");
        if (onclick is not null)
        {
            if (browser)
            {
                attributes["onclick"] = $"window.{onclick}({argument})";
            }

            attributes["onclickTrigger"] = onclick;
        }

        if (onload is not null)
        {
            if (browser)
            {
                attributes["onload"] = $"window.{onload}({argument})";
            }

            attributes["onloadTrigger"] = onload;
        }

        attributes["node_type"] = nodeType;
        return node;
    }
}
