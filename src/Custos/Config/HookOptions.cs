using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>One entry of a <c>hooks</c> list: <c>{hook: web_hook, config: {...}}</c>.</summary>
internal sealed class HookOptions : IValidatableObject
{
    /// <summary>The hook name for <c>hook: web_hook</c>.</summary>
    public const string WebHook = "web_hook";

    /// <summary><c>hooks[].hook</c>: the hook name (<c>session</c>, <c>web_hook</c>, <c>show_verification_ui</c>, ...).</summary>
    [ConfigurationKeyName("hook")]
    [Required]
    [AllowedValues("session", "revoke_active_sessions", "require_verified_address", "verification",
        "show_verification_ui", "web_hook", "verify_new_address", "notify_previous_addresses", "b2b_sso", "organization")]
    public string Hook { get; set; } = "";

    /// <summary>
    /// <c>hooks[].config</c>: the hook's free-form configuration, preserved as JSON exactly as written (after YAML
    /// typing): for <c>web_hook</c> <c>url</c>, <c>method</c>, <c>headers</c>, <c>body</c>, <c>auth</c>, <c>response</c>,
    /// <c>can_interrupt</c>, <c>emit_analytics_event</c>. Null when absent.
    /// </summary>
    [ConfigurationKeyName("config")]
    public JsonElement? Config { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Hook != WebHook)
        {
            yield break;
        }

        if (Config is not { ValueKind: JsonValueKind.Object } config)
        {
            yield return new ValidationResult("a web_hook needs a config object with url and method", ["config"]);
            yield break;
        }

        var url = StringProperty(config, "url");
        if (url is null)
        {
            yield return new ValidationResult("a value is required", ["config.url"]);
        }
        else if (!ConfigUrlAttribute.IsAbsolute(url))
        {
            yield return new ValidationResult($"must be an absolute URL, got \"{url}\"", ["config.url"]);
        }

        if (StringProperty(config, "method") is null)
        {
            yield return new ValidationResult("a value is required", ["config.method"]);
        }

        // Kratos refuses a fire-and-forget hook that is also asked to parse the response.
        if (config.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && IsTrue(response, "ignore") && (IsTrue(response, "parse") || IsTrue(config, "can_interrupt")))
        {
            yield return new ValidationResult("ignore and parse cannot both be true", ["config.response"]);
        }
    }

    private static string? StringProperty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool IsTrue(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
