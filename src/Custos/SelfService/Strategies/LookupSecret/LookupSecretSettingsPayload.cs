using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Reads <c>updateSettingsFlowWithLookupMethod</c>: four boolean buttons, owned by this method whatever
/// <c>method</c> says (Kratos forces it to <c>lookup_secret</c> when a button is set).
/// </summary>
internal static class LookupSecretSettingsPayload
{
    /// <summary>
    /// The pressed button (confirm &gt; reveal &gt; disable &gt; regenerate), or null when none is true: then the
    /// method is not responsible for the submission. A value that is not a boolean is a 400.
    /// </summary>
    public static LookupSecretSettingsAction? Read(JsonObject payload)
    {
        if (Flag(payload, LookupSecretNodes.ConfirmName))
        {
            return LookupSecretSettingsAction.Confirm;
        }

        if (Flag(payload, LookupSecretNodes.RevealName))
        {
            return LookupSecretSettingsAction.Reveal;
        }

        if (Flag(payload, LookupSecretNodes.DisableName))
        {
            return LookupSecretSettingsAction.Disable;
        }

        return Flag(payload, LookupSecretNodes.RegenerateName) ? LookupSecretSettingsAction.Regenerate : null;
    }

    // Forms send strings; Kratos's decoder reads them with Go's strconv.ParseBool.
    private static bool Flag(JsonObject payload, string key) => payload[key] switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" or "" => false,
            _ => throw KratosErrors.BadRequest($"The request body field \"{key}\" must be a boolean."),
        },
        _ => throw KratosErrors.BadRequest($"The request body field \"{key}\" must be a boolean."),
    };
}
