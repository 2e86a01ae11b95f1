// TEMPORARY STUB — replaced by the hashing branch.
namespace Custos.Hashing;
internal sealed record HasherSettings(string Algorithm, int BcryptCost, uint Argon2MemoryKiB, uint Argon2Iterations, uint Argon2Parallelism, uint Argon2SaltLength, uint Argon2KeyLength, bool Dev);
internal interface IPasswordHasher { Task<string> GenerateAsync(string password, CancellationToken ct); bool Understands(string hash); }
internal sealed class PasswordHasher(HasherSettings settings) : IPasswordHasher
{
    public HasherSettings Settings { get; } = settings;
    public Task<string> GenerateAsync(string password, CancellationToken ct) => Task.FromResult("$2a$12$stub");
    public bool Understands(string hash) => true;
}
internal sealed class PasswordHashComparer { public Task<bool> CompareAsync(string password, string storedHash, CancellationToken ct) => Task.FromResult(false); }
internal enum HashImportProblem { None, UnknownFormat, Unparsable, ExceedsBounds }
internal static class HashFormat
{
    public const string UnknownFormatMessage = "The imported password does not match any known hash format.";
    public const string UnparsableMessage = "The imported password hash could not be parsed.";
    public const string ExceedsBoundsMessage = "The imported password hash declares cost parameters that exceed the bounds enforced by Ory.";
    public static HashImportProblem CheckImportable(string hash) => HashImportProblem.None;
}
internal static class NativeLibraries { public static void EnsureAvailable() { } }
