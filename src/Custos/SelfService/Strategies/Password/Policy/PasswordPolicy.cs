using System.Globalization;
using System.Text;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>
/// The password policy of <c>selfservice.methods.password.config</c>, checked in Kratos's order: present → not
/// absurdly long → <c>min_password_length</c> (UTF-8 bytes) → not too similar to the identifier → not found in more
/// than <c>max_breaches</c> breaches on Have I Been Pwned. A violation is returned as the UI message to attach to the
/// <c>password</c> node; only an HIBP outage with <c>ignore_network_errors: false</c> throws (502).
/// </summary>
internal sealed class PasswordPolicy(IOptionsMonitor<CustosOptions> options, HaveIBeenPwnedClient haveIBeenPwned)
{
    /// <summary>
    /// Hashing and the similarity check are linear or worse in the length; Kratos has no cap of its own, so this
    /// is ours, reported with the generic policy message 4000005.
    /// </summary>
    public const int MaxLength = 4096;

    public async Task<UiText?> ValidateAsync(string identifier, string password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Messages.ErrorValidationRequired("password");
        }

        if (password.Length > MaxLength)
        {
            return Messages.ErrorValidationPasswordPolicyViolationGeneric(
                string.Create(CultureInfo.InvariantCulture, $"it is longer than {MaxLength} characters"));
        }

        var config = options.CurrentValue.Selfservice.Methods.Password.Config;
        var length = Encoding.UTF8.GetByteCount(password);
        if (length < config.MinPasswordLength)
        {
            return Messages.ErrorValidationPasswordMinLength(config.MinPasswordLength, length);
        }

        if (config.IdentifierSimilarityCheckEnabled && PasswordSimilarity.TooSimilar(identifier, password))
        {
            return Messages.ErrorValidationPasswordIdentifierTooSimilar();
        }

        if (!config.HaveibeenpwnedEnabled)
        {
            return null;
        }

        long breaches;
        try
        {
            breaches = await haveIBeenPwned.GetBreachCountAsync(config.HaveibeenpwnedHost, password, ct);
        }
        catch (HaveIBeenPwnedUnavailableException) when (config.IgnoreNetworkErrors)
        {
            return null;
        }
        catch (HaveIBeenPwnedUnavailableException e)
        {
            throw new CustosException(502, "Leaked password server unavailable",
                e.UnexpectedStatus ? "Unexpected status code from haveibeenpwned.com" : e.Message);
        }

        return breaches > config.MaxBreaches ? Messages.ErrorValidationPasswordTooManyBreaches(breaches) : null;
    }
}
