using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.Cli;

/// <summary>
/// <c>custos serve --dev</c> without a configuration file keeps its generated signing secret in
/// <c>custos-dev.secret</c> (mode 0600) in the working directory, beside <c>custos.db</c>, so that sessions, mailed
/// codes and page tokens survive a restart. Secrets set through the environment (<c>SECRETS_*</c>) are used instead.
/// </summary>
internal static class DevSecretFile
{
    public const string FileName = "custos-dev.secret";

    /// <summary><paramref name="environment"/> with <c>SECRETS_DEFAULT</c> from the file (created when missing or unusable).</summary>
    public static IReadOnlyDictionary<string, string?> WithSecret(IReadOnlyDictionary<string, string?> environment, string directory)
    {
        if (environment.Keys.Any(k => k.StartsWith("SECRETS_", StringComparison.OrdinalIgnoreCase)))
        {
            return environment;
        }

        var path = Path.Combine(directory, FileName);
        var secret = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        if (secret.Length < 32 || secret.Contains(',', StringComparison.Ordinal))
        {
            secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, options);
            writer.Write(secret);
        }

        return new Dictionary<string, string?>(environment, StringComparer.Ordinal) { ["SECRETS_DEFAULT"] = secret };
    }
}
