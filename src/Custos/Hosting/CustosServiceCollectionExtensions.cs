using Custos.Audit;
using Custos.Config;
using Custos.Courier;
using Custos.Hashing;
using Custos.Identity;
using Custos.Persistence;
using Custos.Schema;
using Custos.Security.Throttling;
using Custos.SelfService;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Strategies.Oidc.Mapper;
using Custos.SelfService.Strategies.Oidc.TokenExchange;
using Custos.Sessions;
using Custos.Sessions.Assurance;
using Custos.Ui;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Custos.Hosting;

/// <summary>The composition root: <c>services.AddCustos(options)</c> chains one extension per area.</summary>
internal static class CustosServiceCollectionExtensions
{
    public static IServiceCollection AddCustos(this IServiceCollection services, CustosOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddExceptionHandler<CustosExceptionHandler>();
        services.AddCors(cors => cors.AddPolicy(CorsSetup.PolicyName, CorsSetup.Build(options.Serve.Public.Cors)));
        services.TryAddSingleton<IListenerResolver>(new PortListenerResolver(options.Serve.Public.Port, options.Serve.Admin.Port));
        return services
            .AddPersistence(options)
            .AddAuditLog()
            .AddThrottling(options)
            .AddHashing(options)
            .AddIdentitySchemas()
            .AddIdentities()
            .AddSelfServiceFlows()
            .AddWebHooks(options)
            .AddOidcMapper()
            .AddCodeMethod()
            .AddSessions()
            .AddSessionTokenExchange()
            .AddAuthenticatorAssurance()
            .AddCourier()
            .AddSelfServiceUi();
    }

    public static IServiceCollection AddPersistence(this IServiceCollection services, CustosOptions options)
    {
        services.TryAddSingleton(_ => DatabaseTarget.Parse(options.Dsn));
        services.TryAddSingleton<IDbConnectionFactory>(sp => new DbConnectionFactory(sp.GetRequiredService<DatabaseTarget>()));
        services.TryAddScoped<DbSession>();
        services.TryAddSingleton<Migrator>();
        return services;
    }

    public static IServiceCollection AddHashing(this IServiceCollection services, CustosOptions options)
    {
        services.TryAddSingleton(HasherSettingsFrom(options));
        services.TryAddSingleton<IPasswordHasher>(sp => new PasswordHasher(sp.GetRequiredService<HasherSettings>()));
        services.TryAddSingleton<PasswordHashComparer>();
        return services;
    }

    public static IServiceCollection AddIdentitySchemas(this IServiceCollection services)
    {
        services.TryAddSingleton<SchemaSource>();
        services.TryAddSingleton<IdentitySchemaProvider>();
        return services;
    }

    public static IServiceCollection AddIdentities(this IServiceCollection services)
    {
        services.TryAddScoped<SqlIdentityStore>();
        services.TryAddScoped<IIdentityPool>(sp => sp.GetRequiredService<SqlIdentityStore>());
        services.TryAddScoped<IPrivilegedIdentityPool>(sp => sp.GetRequiredService<SqlIdentityStore>());
        services.TryAddScoped<IdentityValidator>();
        services.TryAddScoped<CredentialImporter>();
        services.TryAddScoped<IdentityManager>();
        return services;
    }

    internal static HasherSettings HasherSettingsFrom(CustosOptions o) => new(
        o.Hashers.Algorithm == PasswordHashAlgorithm.Argon2 ? "argon2" : "bcrypt",
        o.Hashers.Bcrypt.Cost,
        (uint)Math.Max(1, o.Hashers.Argon2.Memory.Kibibytes),
        (uint)o.Hashers.Argon2.Iterations,
        (uint)o.Hashers.Argon2.Parallelism,
        (uint)o.Hashers.Argon2.SaltLength,
        (uint)o.Hashers.Argon2.KeyLength,
        o.Dev);
}
