using Custos.Hashing;

namespace Custos.SelfService.Strategies.Password;

/// <summary>A hash of a random password made once with the configured hasher, verified when no account matches.</summary>
internal sealed class DecoyHash(IPasswordHasher hasher)
{
    private readonly Lazy<Task<string>> _hash = new(() => hasher.GenerateAsync(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), CancellationToken.None));

    public Task<string> GetAsync(CancellationToken ct) => _hash.Value.WaitAsync(ct);
}
