using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// <c>auth</c> of a web hook: <c>api_key</c> (<c>{name, value, in: header|cookie}</c>, a header unless <c>in</c> is
/// <c>cookie</c>) or <c>basic_auth</c> (<c>{user, password}</c>). Any other type sends no credentials, as in Kratos.
/// </summary>
internal sealed record WebHookAuth(string Type, string? Name, string? Value, string? In, string? User, string? Password)
{
    public static WebHookAuth? From(JsonElement auth)
    {
        if (auth.ValueKind != JsonValueKind.Object || Text(auth, "type") is not { } type)
        {
            return null;
        }

        var config = auth.TryGetProperty("config", out var c) ? c : default;
        return new WebHookAuth(type, Text(config, "name"), Text(config, "value"), Text(config, "in"), Text(config, "user"), Text(config, "password"));
    }

    /// <summary>The headers these credentials add (<c>Authorization</c>, the key's header, or <c>Cookie</c>).</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        switch (Type)
        {
            case "basic_auth":
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
                yield return new("Authorization", new AuthenticationHeaderValue("Basic", basic).ToString());
                break;
            case "api_key" when In == "cookie":
                yield return new("Cookie", $"{Name}={Value}");
                break;
            case "api_key" when !string.IsNullOrEmpty(Name):
                yield return new(Name, Value ?? "");
                break;
        }
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
