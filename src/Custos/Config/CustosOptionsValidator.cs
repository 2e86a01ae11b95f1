using Microsoft.Extensions.Options;

namespace Custos.Config;

/// <summary>
/// Validates a loaded <see cref="CustosOptions"/>: the per-property annotations across the tree plus the cross-field
/// rules Kratos's schema encodes (required keys, cipher secrets, courier for recovery/verification). Every message
/// starts with the YAML path.
/// </summary>
internal sealed class CustosOptionsValidator : IValidateOptions<CustosOptions>
{
    private const int CipherSecretLength = 32;
    private const int MinimumSecretLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CustosOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with <paramref name="options"/>, in tree order then cross-field order.</summary>
    public static List<string> Collect(CustosOptions options)
    {
        var errors = OptionsTreeValidator.Validate(options);
        if (string.IsNullOrWhiteSpace(options.Dsn))
        {
            errors.Add("dsn: a value is required");
        }

        ValidateIdentity(options.Identity, errors);
        ValidateSecrets(options, errors);
        ValidateCourier(options, errors);
        ValidateLifespans(options, errors);
        ValidateCodeMethod(options.Selfservice.Methods.Code, errors);
        ValidateTrustedProxies(options.Serve.Public.TrustedProxies, errors);
        return errors;
    }

    private static void ValidateTrustedProxies(List<string> proxies, List<string> errors)
    {
        for (var i = 0; i < proxies.Count; i++)
        {
            if (!Security.Throttling.ClientAddressResolver.TryParse(proxies[i], out _))
            {
                errors.Add($"serve.public.trusted_proxies[{i}]: expected a CIDR such as \"10.0.0.0/8\" or an IP address, got \"{proxies[i]}\"");
            }
        }
    }

    private static void ValidateIdentity(IdentityOptions identity, List<string> errors)
    {
        if (identity.Schemas.Count == 0)
        {
            errors.Add("identity.schemas: at least one schema ({id, url}) is required");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < identity.Schemas.Count; i++)
        {
            var id = identity.Schemas[i].Id;
            if (id.Length > 0 && !seen.Add(id))
            {
                errors.Add($"identity.schemas[{i}].id: duplicate schema id \"{id}\"");
            }
        }

        if (identity.FindSchema(identity.DefaultSchemaId) is null)
        {
            errors.Add($"identity.default_schema_id: no schema with id \"{identity.DefaultSchemaId}\" in identity.schemas");
        }
    }

    private static void ValidateSecrets(CustosOptions options, List<string> errors)
    {
        var secrets = options.Secrets;
        CheckMinimumLength("secrets.default", secrets.Default, errors);
        CheckMinimumLength("secrets.cookie", secrets.Cookie, errors);
        CheckMinimumLength("secrets.pagination", secrets.Pagination, errors);
        if (options.Ciphers.Algorithm == CipherAlgorithm.Noop)
        {
            return;
        }

        var algorithm = ScalarConverter.EnumName(typeof(CipherAlgorithm), options.Ciphers.Algorithm);
        if (secrets.Cipher.Count == 0)
        {
            errors.Add($"secrets.cipher: a value is required when ciphers.algorithm is \"{algorithm}\"");
        }

        for (var i = 0; i < secrets.Cipher.Count; i++)
        {
            if (secrets.Cipher[i].Length != CipherSecretLength)
            {
                errors.Add($"secrets.cipher[{i}]: must be exactly {CipherSecretLength} characters long, got {secrets.Cipher[i].Length}");
            }
        }
    }

    private static void CheckMinimumLength(string path, List<string> values, List<string> errors)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length < MinimumSecretLength)
            {
                errors.Add($"{path}[{i}]: must be at least {MinimumSecretLength} characters long, got {values[i].Length}");
            }
        }
    }

    private static void ValidateCourier(CustosOptions options, List<string> errors)
    {
        var courier = options.Courier;
        var httpDelivery = courier.DeliveryStrategy == "http";
        if (httpDelivery && string.IsNullOrEmpty(courier.Http.RequestConfig.Url))
        {
            errors.Add("courier.http.request_config.url: a value is required when courier.delivery_strategy is \"http\"");
        }

        for (var i = 0; i < courier.Channels.Count; i++)
        {
            if (string.IsNullOrEmpty(courier.Channels[i].RequestConfig.Url))
            {
                errors.Add($"courier.channels[{i}].request_config.url: a value is required");
            }
        }

        // Kratos requires a courier once recovery or verification can send messages; only insist when no
        // delivery route at all is configured, and never in dev mode.
        var flows = options.Selfservice.Flows;
        var sends = flows.Recovery.Enabled || flows.Verification.Enabled;
        var canDeliver = !string.IsNullOrEmpty(courier.Smtp.ConnectionUri) || httpDelivery || courier.Channels.Count > 0;
        if (sends && !canDeliver && !options.Dev)
        {
            errors.Add("courier.smtp.connection_uri: a value is required when selfservice.flows.recovery or selfservice.flows.verification is enabled");
        }

        Custos.Courier.CourierConfigCheck.Collect(courier, errors);
        Custos.Courier.Channels.SmtpConfigCheck.Collect(courier.Smtp, errors);
    }

    /// <summary>
    /// Kratos's config schema allows at most one of the two (an <c>anyOf</c> over the pairs): a passwordless code login
    /// records <c>{code, aal2}</c> once <c>mfa_enabled</c> is on and code step-up only serves aal1 flows then, so the
    /// pair leaves a code-only person unable to ever reach the aal2 their code address demands.
    /// </summary>
    private static void ValidateCodeMethod(CodeMethodOptions code, List<string> errors)
    {
        if (code.PasswordlessEnabled && code.MfaEnabled)
        {
            errors.Add("selfservice.methods.code: passwordless_enabled and mfa_enabled cannot both be true");
        }
    }

    private static void ValidateLifespans(CustosOptions options, List<string> errors)
    {
        var flows = options.Selfservice.Flows;
        (string Path, TimeSpan Value)[] lifespans =
        [
            ("session.lifespan", options.Session.Lifespan),
            ("selfservice.flows.login.lifespan", flows.Login.Lifespan),
            ("selfservice.flows.registration.lifespan", flows.Registration.Lifespan),
            ("selfservice.flows.settings.lifespan", flows.Settings.Lifespan),
            ("selfservice.flows.recovery.lifespan", flows.Recovery.Lifespan),
            ("selfservice.flows.verification.lifespan", flows.Verification.Lifespan),
            ("selfservice.methods.code.config.lifespan", options.Selfservice.Methods.Code.Config.Lifespan),
            ("selfservice.methods.link.config.lifespan", options.Selfservice.Methods.Link.Config.Lifespan),
        ];
        foreach (var (path, value) in lifespans)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{path}: must be a positive duration, got \"{GoDuration.Format(value)}\"");
            }
        }
    }
}
