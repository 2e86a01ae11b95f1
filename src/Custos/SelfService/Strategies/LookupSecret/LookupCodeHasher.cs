using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Keys backup codes with HMAC-SHA256 so that only their MACs are stored (Kratos stores them in clear). A code has
/// about 41 bits: an unkeyed fast hash would fall to a brute force in minutes, a slow password hash would cost a
/// login up to 12 checks; a MAC under a server secret is one cheap computation per configured key and cannot be
/// brute-forced from the database alone. The identity id is part of the message, so equal codes of two identities
/// have unrelated MACs.
/// </summary>
internal sealed partial class LookupCodeHasher(IOptionsMonitor<CustosOptions> options, ILogger<LookupCodeHasher> logger)
{
    // The last resort when no secret is configured: stable across restarts (a per-process key would lock every user
    // out of their second factor on the next start), but public, so such MACs only hide codes from casual readers.
    private static readonly byte[] BuiltInKey = "custos/lookup_secret/built-in-key/configure-secrets.default"u8.ToArray();

    /// <summary>The stored form of <paramref name="code"/>: lower-case hex HMAC under the first key.</summary>
    public string Hash(Guid identityId, string code)
    {
        var keys = Keys();
        if (ReferenceEquals(keys[0], BuiltInKey))
        {
            LogBuiltInKey(logger);
        }

        return Compute(keys[0], identityId, code);
    }

    /// <summary>
    /// The MAC of <paramref name="code"/> under every key that may have made a stored one: <c>secrets.default</c>,
    /// then <c>secrets.cookie</c>, then the built-in key, so codes survive a rotation that keeps the old secret listed.
    /// </summary>
    public IReadOnlyList<string> Candidates(Guid identityId, string code) =>
        Keys().Append(BuiltInKey).Select(k => Compute(k, identityId, code)).Distinct(StringComparer.Ordinal).ToList();

    private List<byte[]> Keys()
    {
        var secrets = options.CurrentValue.Secrets;
        var keys = secrets.Default.Concat(secrets.Cookie).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(s => Encoding.UTF8.GetBytes(s)).ToList();
        return keys.Count > 0 ? keys : [BuiltInKey];
    }

    private static string Compute(byte[] key, Guid identityId, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"lookup_secret|{identityId:D}|{code}")));

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning,
        Message = "Neither secrets.default nor secrets.cookie is configured: backup codes are keyed with a built-in key, so anyone who reads the database can brute-force them")]
    private static partial void LogBuiltInKey(ILogger logger);
}
