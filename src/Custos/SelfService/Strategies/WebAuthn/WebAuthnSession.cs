using System.Text.Json.Nodes;
using Custos.SelfService.Flows;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// What a ceremony is checked against later, kept in the flow's internal context as Kratos keeps go-webauthn's
/// <c>SessionData</c>: the challenge, the user handle offered for a new credential, the credentials a login allowed
/// and the user-verification requirement. The challenge is bound to the flow that showed it.
/// </summary>
internal sealed record WebAuthnSession(byte[] Challenge, byte[]? UserHandle, IReadOnlyList<byte[]> Allowed, string UserVerification)
{
    /// <summary>A new challenge: 32 random bytes, as go-webauthn makes them (strategies contract §4.1).</summary>
    public static byte[] NewChallenge() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public static WebAuthnSession For(CreationOptions options) =>
        new(options.Challenge, options.UserHandle, [], options.Selection.UserVerification);

    public static WebAuthnSession For(AssertionOptions options) =>
        new(options.Challenge, null, options.Allow.Select(c => c.Id).ToList(), options.UserVerification);

    public void SaveTo(Flow flow, string key) => flow.StrategyContext[key] = new JsonObject
    {
        ["challenge"] = WebAuthnBytes.ToBase64Url(Challenge),
        ["user_id"] = UserHandle is null ? null : WebAuthnBytes.ToBase64Url(UserHandle),
        ["allowed_credentials"] = new JsonArray(Allowed.Select(id => (JsonNode)WebAuthnBytes.ToBase64Url(id)).ToArray()),
        ["user_verification"] = UserVerification,
    };

    /// <summary>The session a flow holds under <paramref name="key"/>, or null when it holds none (or a broken one).</summary>
    public static WebAuthnSession? LoadFrom(Flow flow, string key)
    {
        if (flow.StrategyContext[key] is not JsonObject json
            || WebAuthnBytes.FromBase64Url(Text(json, "challenge")) is not { Length: > 0 } challenge)
        {
            return null;
        }

        var allowed = (json["allowed_credentials"] as JsonArray ?? [])
            .Select(n => WebAuthnBytes.FromBase64Url(n?.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>() : null))
            .OfType<byte[]>()
            .ToList();
        return new WebAuthnSession(challenge, WebAuthnBytes.FromBase64Url(Text(json, "user_id")), allowed, Text(json, "user_verification") ?? "preferred");
    }

    public static void RemoveFrom(Flow flow, string key) => flow.StrategyContext.Remove(key);

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
