using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Ui.Rendering;

namespace Custos.Ui.Pages;

/// <summary>Readable pieces of a session's wire JSON (<c>toSession</c>, <c>listMySessions</c>).</summary>
internal static class SessionView
{
    /// <summary>The identity's most recognisable trait: an email, username or phone number, else the id.</summary>
    public static string DisplayName(JsonObject? identity)
    {
        var traits = identity?["traits"] as JsonObject;
        foreach (var key in new[] { "email", "username", "phone" })
        {
            if (NodeJson.Str(traits?[key]) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return traits?.Select(kv => NodeJson.Str(kv.Value)).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? NodeJson.Str(identity?["id"]) ?? "";
    }

    /// <summary><c>traits.name</c> as "first last" (or the string itself), or null.</summary>
    public static string? FullName(JsonObject? identity)
    {
        var name = identity?["traits"]?["name"];
        if (NodeJson.Str(name) is { Length: > 0 } plain)
        {
            return plain;
        }

        var full = $"{NodeJson.Str(name?["first"])} {NodeJson.Str(name?["last"])}".Trim();
        return full.Length > 0 ? full : null;
    }

    /// <summary>An RFC 3339 time as <c>2026-01-31 14:05 UTC</c>.</summary>
    public static string? Time(JsonNode? value) =>
        DateTimeOffset.TryParse(NodeJson.Str(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : null;

    /// <summary>The first device's user agent and IP address, or a placeholder.</summary>
    public static string Device(JsonObject session)
    {
        var device = NodeJson.Objects(session["devices"]).FirstOrDefault();
        var agent = NodeJson.Str(device?["user_agent"]);
        var ip = NodeJson.Str(device?["ip_address"]);
        var text = string.Join(" · ", new[] { Browser(agent), ip }.Where(s => !string.IsNullOrEmpty(s)));
        return text.Length > 0 ? text : "Unknown device";
    }

    /// <summary>The sign-in methods of a session, e.g. "password, totp".</summary>
    public static string Methods(JsonObject session) =>
        string.Join(", ", NodeJson.Objects(session["authentication_methods"]).Select(m => NodeJson.Str(m["method"])).Where(m => m is not null).Distinct());

    private static string? Browser(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return null;
        }

        string[] known = ["Edg/", "Firefox/", "Chrome/", "Safari/", "curl/"];
        var name = known.FirstOrDefault(k => userAgent.Contains(k, StringComparison.Ordinal));
        var platform = userAgent.Contains("Android", StringComparison.Ordinal) ? "Android"
            : userAgent.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : userAgent.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : userAgent.Contains("Mac OS", StringComparison.Ordinal) ? "macOS"
            : userAgent.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        var browser = name switch
        {
            "Edg/" => "Edge",
            null => userAgent.Length > 60 ? userAgent[..60] + "…" : userAgent,
            _ => name.TrimEnd('/'),
        };
        return platform is null ? browser : $"{browser} on {platform}";
    }
}
