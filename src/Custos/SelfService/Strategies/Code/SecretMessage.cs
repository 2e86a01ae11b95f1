using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// What a strategy sends for one flow: the kind of secret it issues and how long that lives, the courier templates for
/// an address someone owns and for one nobody owns, and how the secret goes into the template data (a code, a URL).
/// </summary>
/// <param name="Kind">The secret drawn and stored (a code or a link token, for recovery or verification).</param>
/// <param name="Lifespan">How long the secret works (<c>selfservice.methods.code|link.config.lifespan</c>).</param>
/// <param name="ValidTemplate">The courier template for an owned address (<c>recovery_code_valid</c>, ...).</param>
/// <param name="InvalidTemplate">The template of the notice to an unknown address (<c>recovery_code_invalid</c>, ...).</param>
/// <param name="Carry">Writes the clear secret into the template data.</param>
internal sealed record SecretMessage(
    OneTimeSecretKind Kind,
    TimeSpan Lifespan,
    string ValidTemplate,
    string InvalidTemplate,
    Action<JsonObject, string> Carry);
