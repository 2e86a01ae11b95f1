using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.Schema.Stored;

/// <summary>
/// The shape of the <c>ory.sh/kratos</c> extension keyword (the API contract §7.2): known members only, booleans where
/// a flag is meant, and <c>via</c> channels the courier has. Like Kratos, it looks into every nested object of a trait's
/// schema (not into arrays), so a misspelt extension deep inside <c>properties</c> or <c>items</c> is caught too.
/// </summary>
internal static class IdentityExtensionCheck
{
    private const string Extension = "ory.sh/kratos";
    private const int MaxDepth = 64;

    private static readonly Dictionary<string, Dictionary<string, string[]?>> Credentials = new(StringComparer.Ordinal)
    {
        ["password"] = new(StringComparer.Ordinal) { ["identifier"] = null },
        ["webauthn"] = new(StringComparer.Ordinal) { ["identifier"] = null },
        ["passkey"] = new(StringComparer.Ordinal) { ["display_name"] = null },
        ["totp"] = new(StringComparer.Ordinal) { ["account_name"] = null },
        ["code"] = new(StringComparer.Ordinal) { ["identifier"] = null, ["via"] = ["email", "sms"] },
    };

    private static readonly string[] Channels = ["email", "sms"];

    /// <summary>Adds a problem for every malformed extension in <paramref name="schema"/>, found at <paramref name="at"/>.</summary>
    public static void Walk(JsonElement schema, string at, List<string> problems, int depth = 0)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return;
        }

        foreach (var member in schema.EnumerateObject())
        {
            var path = at + "/" + JsonPointer.Escape(member.Name);
            if (member.Name == Extension)
            {
                CheckExtension(member.Value, path, problems);
            }
            else
            {
                Walk(member.Value, path, problems, depth + 1);
            }
        }
    }

    private static void CheckExtension(JsonElement extension, string at, List<string> problems)
    {
        if (!IsObject(extension, at, problems))
        {
            return;
        }

        foreach (var member in extension.EnumerateObject())
        {
            var path = at + "/" + member.Name;
            switch (member.Name)
            {
                case "credentials":
                    CheckCredentials(member.Value, path, problems);
                    break;
                case "verification" or "recovery":
                    CheckMembers(member.Value, path, new Dictionary<string, string[]?>(StringComparer.Ordinal) { ["via"] = Channels }, problems);
                    break;
                case "organizations":
                    CheckMembers(member.Value, path, new Dictionary<string, string[]?>(StringComparer.Ordinal) { ["matcher"] = ["email_domain"] }, problems);
                    break;
                default:
                    problems.Add($"{path} is not a member of the {Extension} extension");
                    break;
            }
        }
    }

    private static void CheckCredentials(JsonElement credentials, string at, List<string> problems)
    {
        if (!IsObject(credentials, at, problems))
        {
            return;
        }

        foreach (var member in credentials.EnumerateObject())
        {
            if (Credentials.TryGetValue(member.Name, out var allowed))
            {
                CheckMembers(member.Value, at + "/" + member.Name, allowed, problems);
            }
            else
            {
                problems.Add($"{at}/{member.Name} is not a credential type the {Extension} extension knows");
            }
        }
    }

    /// <summary>Each member must be known; a null entry is a boolean flag, otherwise one of the listed strings.</summary>
    private static void CheckMembers(JsonElement value, string at, Dictionary<string, string[]?> allowed, List<string> problems)
    {
        if (!IsObject(value, at, problems))
        {
            return;
        }

        foreach (var member in value.EnumerateObject())
        {
            var path = at + "/" + member.Name;
            if (!allowed.TryGetValue(member.Name, out var choices))
            {
                problems.Add($"{path} is not allowed here");
            }
            else if (choices is null && member.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"{path} must be a boolean");
            }
            else if (choices is not null && !(member.Value.ValueKind == JsonValueKind.String && choices.Contains(member.Value.GetString())))
            {
                problems.Add($"{path} must be one of {string.Join(", ", choices.Select(c => $"\"{c}\""))}");
            }
        }
    }

    private static bool IsObject(JsonElement value, string at, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        problems.Add($"{at} must be an object");
        return false;
    }
}
