using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Auditing;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.ReturnTo;
using Custos.SelfService.Flows.Errors;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Logout;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Strategies;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Strategies.IdentifierFirst;
using Custos.SelfService.Strategies.LookupSecret;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Password;
using Custos.SelfService.Strategies.Password.Policy;
using Custos.SelfService.Strategies.Totp;
using Custos.SelfService.Strategies.WebAuthn;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService;

/// <summary>Registers the self-service flows, their stores and the password strategy.</summary>
internal static class SelfServiceServiceCollectionExtensions
{
    public static IServiceCollection AddSelfServiceFlows(this IServiceCollection services)
    {
        services.TryAddSingleton<FlowResponder>();
        services.TryAddSingleton<ContinuityCookie>();
        services.TryAddScoped<FlowFactory>();
        services.TryAddScoped<FlowNodeSorter>();
        services.TryAddScoped<FlowBinder>();
        services.TryAddScoped<IFlowStore, SqlFlowStore>();
        services.TryAddScoped<SelfServiceErrorStore>();
        services.TryAddScoped<LoginFlowService>();
        services.TryAddScoped<FlowAudit>();
        services.TryAddScoped<LoginForms>();
        services.AddRegistrationFlow();
        services.TryAddScoped<IOneTimeSecretStore, SqlOneTimeSecretStore>();
        services.TryAddSingleton<OneTimeSecrets>();
        services.TryAddScoped<OneTimeSecretIssuer>();
        services.TryAddSingleton<LogoutTokens>();
        services.TryAddSingleton<CsrfGuard>();
        services.AddLookupSecret();
        services.AddRecoveryAndVerification();
        services.AddCsrf().AddReturnToValidation().AddPasswordPolicy().AddHooks().AddTotp();
        services.AddSettingsFlow();
        return services.AddPasswordStrategy().AddStrategy<IdentifierFirstStrategy>().AddStrategy<TotpStrategy>().AddStrategy<LookupSecretStrategy>().AddStrategy<CodeLoginStrategy>().AddPasskeys().AddOidc();
    }

    public static IServiceCollection AddPasswordStrategy(this IServiceCollection services)
    {
        services.TryAddSingleton<DecoyHash>();
        services.TryAddScoped<PasswordLoginVerifier>();
        services.TryAddScoped<PasswordRegistrar>();
        return services.AddStrategy<PasswordStrategy>();
    }

    public static IEndpointRouteBuilder MapSelfServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var selfService = endpoints.MapGroup("/self-service");
        selfService.MapLoginEndpoints();
        selfService.MapOidcCallbackEndpoints();
        selfService.MapRegistrationEndpoints();
        selfService.MapSettingsEndpoints();
        endpoints.MapWellKnownChangePassword();
        endpoints.MapWebAuthnScript();
        selfService.MapRecoveryEndpoints();
        selfService.MapVerificationEndpoints();
        selfService.MapLogoutEndpoints();
        endpoints.MapSelfServiceErrorEndpoints();
        return endpoints;
    }
}
