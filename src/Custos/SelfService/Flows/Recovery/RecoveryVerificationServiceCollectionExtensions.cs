using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Strategies;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Strategies.Link;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>Registers recovery and verification and their two methods, <c>code</c> and <c>link</c>, with what those share.</summary>
internal static class RecoveryVerificationServiceCollectionExtensions
{
    public static IServiceCollection AddRecoveryAndVerification(this IServiceCollection services)
    {
        services.TryAddScoped<RecoveryFlowService>();
        services.TryAddScoped<RecoveryFlowReplacer>();
        services.TryAddScoped<VerificationFlowService>();
        services.TryAddScoped<VerificationFlowReplacer>();
        services.TryAddScoped<VerificationHook>();
        services.TryAddScoped<EmailSecretSender>();
        services.TryAddScoped<OneTimeSecretRedeemer>();
        return services.AddStrategy<CodeStrategy>().AddStrategy<LinkStrategy>();
    }
}
