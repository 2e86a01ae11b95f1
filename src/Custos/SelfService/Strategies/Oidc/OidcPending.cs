using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// A sign-in that left for a provider, kept in the flow's internal context under <see cref="Key"/> (Kratos keeps it in a
/// continuity container): which provider, the hash of the <c>state</c> sent, the PKCE verifier, the hash of the
/// continuity cookie that binds it to the browser (browser flows), the traits and transient payload submitted with the
/// start (registration), what a settings flow links, and until when it may come back. Only hashes of the state and the
/// cookie are stored, so a read of the flow table does not let anyone finish someone else's sign-in.
/// </summary>
internal sealed record OidcPending(
    string Provider,
    string StateHash,
    string? CodeVerifier,
    string? BindingHash,
    JsonObject? Traits,
    JsonObject? TransientPayload,
    DateTime ExpiresAt)
{
    /// <summary>The internal-context key.</summary>
    public const string Key = "oidc_pending";

    /// <summary>SHA-256 hex of a state or cookie value.</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Whether <paramref name="value"/> hashes to <paramref name="hash"/>, in constant time.</summary>
    public static bool Matches(string? value, string? hash) =>
        value is not null && hash is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(value)), Encoding.ASCII.GetBytes(hash));

    /// <summary>The pending sign-in of <paramref name="context"/>, or null.</summary>
    public static OidcPending? Read(JsonObject context)
    {
        if (context[Key] is not JsonObject o || o["provider"]?.GetValue<string>() is not { } provider || o["state_hash"]?.GetValue<string>() is not { } state)
        {
            return null;
        }

        return new OidcPending(
            provider,
            state,
            o["code_verifier"]?.GetValue<string>(),
            o["binding_hash"]?.GetValue<string>(),
            o["traits"] as JsonObject,
            o["transient_payload"] as JsonObject,
            DateTime.Parse(o["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
    }

    /// <summary>Stores this in <paramref name="context"/>.</summary>
    public void WriteTo(JsonObject context)
    {
        var o = new JsonObject { ["provider"] = Provider, ["state_hash"] = StateHash };
        if (CodeVerifier is not null)
        {
            o["code_verifier"] = CodeVerifier;
        }

        if (BindingHash is not null)
        {
            o["binding_hash"] = BindingHash;
        }

        if (Traits is not null)
        {
            o["traits"] = Traits.DeepClone();
        }

        if (TransientPayload is not null)
        {
            o["transient_payload"] = TransientPayload.DeepClone();
        }

        o["expires_at"] = ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        context[Key] = o;
    }

    /// <summary>Removes the pending sign-in from <paramref name="context"/> (it came back, or was replaced).</summary>
    public static void Clear(JsonObject context) => context.Remove(Key);
}
