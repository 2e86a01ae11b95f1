using System.Text.Json;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>Known authenticators by AAGUID (see README.md beside this file), for a new passkey's display name.</summary>
internal static class AuthenticatorNames
{
    private static readonly Dictionary<Guid, string> Names = Load();

    /// <summary>The authenticator's name, or "" when the AAGUID is unknown (all zeros, as most security keys send).</summary>
    public static string Lookup(byte[]? aaguid) =>
        aaguid is { Length: 16 } && Names.TryGetValue(new Guid(aaguid, bigEndian: true), out var name) ? name : "";

    private static Dictionary<Guid, string> Load()
    {
        using var stream = typeof(AuthenticatorNames).Assembly.GetManifestResourceStream("aaguid-names.json")
            ?? throw new InvalidOperationException("The embedded resource aaguid-names.json is missing.");
        var names = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        return names.ToDictionary(p => Guid.Parse(p.Key), p => p.Value);
    }
}
