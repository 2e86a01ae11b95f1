using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.Apple;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc.Providers;

/// <summary>
/// The start-up checks Kratos's configuration schema makes on <c>selfservice.methods.oidc.config.providers</c>:
/// a <c>provider</c> kind Custos builds (checked when the method is enabled), <c>microsoft_tenant</c> only and always
/// for <c>microsoft</c>, and for <c>apple</c> the three <c>apple_*</c> keys instead of <c>client_secret</c> (which every
/// other kind needs). The Apple key is also parsed here, so a broken key stops the start, not a sign-in.
/// </summary>
internal sealed class OidcProvidersValidator(IServiceProvider services) : IValidateOptions<CustosOptions>
{
    // Read when the options are first validated, not when the validator is made: the kinds' HTTP client takes the
    // options, so taking the kinds in the constructor would be a dependency cycle.
    private IReadOnlyDictionary<string, IOidcProviderKind> Kinds => _kinds ??= OidcProviderRegistry.Index(services.GetServices<IOidcProviderKind>());

    private IReadOnlyDictionary<string, IOidcProviderKind>? _kinds;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CustosOptions options)
    {
        var errors = new List<string>();
        var method = options.Selfservice.Methods.Oidc;
        for (var i = 0; i < method.Config.Providers.Count; i++)
        {
            Check(method.Config.Providers[i], $"selfservice.methods.oidc.config.providers[{i}]", method.Enabled, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void Check(OidcProviderOptions p, string path, bool enabled, List<string> errors)
    {
        if (enabled && !Kinds.ContainsKey(p.Provider))
        {
            errors.Add($"{path}.provider: provider type \"{p.Provider}\" is not supported, supported are: {string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal))}");
        }

        var microsoft = p.Provider == "microsoft";
        if (microsoft && string.IsNullOrWhiteSpace(p.MicrosoftTenant))
        {
            errors.Add($"{path}.microsoft_tenant: a value is required for provider \"microsoft\"");
        }
        else if (!microsoft && p.MicrosoftTenant is not null)
        {
            errors.Add($"{path}.microsoft_tenant: only allowed for provider \"microsoft\"");
        }

        if (p.Provider == "apple")
        {
            CheckApple(p, path, errors);
            return;
        }

        if (string.IsNullOrEmpty(p.ClientSecret))
        {
            errors.Add($"{path}.client_secret: a value is required");
        }

        if (!string.IsNullOrEmpty(p.AppleTeamId) || !string.IsNullOrEmpty(p.ApplePrivateKeyId) || !string.IsNullOrEmpty(p.ApplePrivateKey))
        {
            errors.Add($"{path}: apple_team_id, apple_private_key_id and apple_private_key are only allowed for provider \"apple\"");
        }
    }

    private static void CheckApple(OidcProviderOptions p, string path, List<string> errors)
    {
        if (!string.IsNullOrEmpty(p.ClientSecret))
        {
            errors.Add($"{path}.client_secret: not allowed for provider \"apple\" (the secret is made from apple_private_key)");
        }

        foreach (var (key, value) in new[] { ("apple_team_id", p.AppleTeamId), ("apple_private_key_id", p.ApplePrivateKeyId), ("apple_private_key", p.ApplePrivateKey) })
        {
            if (value is null)
            {
                errors.Add($"{path}.{key}: a value is required for provider \"apple\"");
            }
        }

        if (p.ApplePrivateKey is not null)
        {
            using var key = AppleClientSecret.ReadKey(p.ApplePrivateKey);
            if (key is null)
            {
                errors.Add($"{path}.apple_private_key: not a PEM \"PRIVATE KEY\" (PKCS#8) holding an EC P-256 key");
            }
        }
    }
}
