using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Security.Throttling;

/// <summary>
/// Turns what a rule counts (an identifier, a client address, an identity id, a recipient) into the keyed hashes stored
/// in <c>throttle_counters</c>: HMAC-SHA256 under the first <c>secrets.default</c>. An identifier or address is personal
/// data; a plain hash of an e-mail address is reversed by hashing candidate addresses, a MAC under a server secret is not.
/// Every node with the same secret derives the same keys, so counters are shared. Rotating the secret starts every
/// window afresh, which only costs the attacker's progress.
/// </summary>
internal sealed class ThrottleKeyHasher(IOptionsMonitor<CustosOptions> options)
{
    // Without secrets.default the counters still have to agree across nodes and restarts; this public key then only
    // keeps identifiers out of plain sight.
    private static readonly byte[] BuiltInKey = "custos/throttling/built-in-key/configure-secrets.default"u8.ToArray();

    /// <summary>The key of <paramref name="rule"/> for the values it counts by (their order matters).</summary>
    public ThrottleKey Key(ThrottleRule rule, string? subject, params string[] parts) =>
        new(rule, Mac("key|" + rule.Name + "|" + string.Join('\u001f', parts)), subject);

    /// <summary>
    /// The subject that groups every counter about one <paramref name="kind"/> (<c>identifier</c>, <c>identity</c>, …)
    /// <paramref name="value"/>, for clearing them together.
    /// </summary>
    public string Subject(string kind, string value) => Mac("subject|" + kind + "|" + value);

    private string Mac(string message)
    {
        var secret = options.CurrentValue.Secrets.Default.FirstOrDefault(s => s.Length > 0);
        var key = secret is null ? BuiltInKey : Encoding.UTF8.GetBytes(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
    }
}
