using Custos.Audit;
using Custos.Admin.Impersonation;
using Custos.Admin.Keys;
using Custos.Admin.Webhooks;
using Custos.SelfService.Flows.Recovery;
using Custos.Config;
using Custos.Config.View;
using Custos.Courier;
using Custos.Identity;
using Custos.Security.Throttling;
using Custos.Schema;
using Custos.Schema.Stored;
using Custos.SelfService;
using Custos.SelfService.Strategies.Oidc.TokenExchange;
using Custos.Sessions;
using Custos.Ui;
using Microsoft.Extensions.Options;

namespace Custos.Hosting;

/// <summary>The request pipeline and route table, shared by <c>custos serve</c> and the test host.</summary>
internal static class CustosApplicationBuilderExtensions
{
    public static IApplicationBuilder UseCustos(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptionsMonitor<CustosOptions>>().CurrentValue;
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => ErrorEnvelope.WriteAsync(context, KratosErrors.Internal()) });
        app.UseMiddleware<EmptyErrorMiddleware>();
        app.UseMiddleware<ListenerMiddleware>();
        app.UseRouting();
        app.UseMiddleware<CrossPortMiddleware>();
        app.UseMiddleware<AdminKeyMiddleware>();
        if (options.Serve.Public.Cors.Enabled)
        {
            app.UseWhen(c => ListenerMiddleware.Of(c) == Listener.Public, branch => branch.UseCors(CorsSetup.PolicyName));
        }

        app.UseEndpoints(endpoints => endpoints.MapCustosEndpoints());
        return app;
    }

    public static IEndpointRouteBuilder MapCustosEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").WithMetadata(new ListenerMetadata(Listener.Admin));
        endpoints.MapHealthEndpoints();
        endpoints.MapSchemaEndpoints();
        admin.MapIdentityAdminEndpoints();
        admin.MapIdentitySchemaAdminEndpoints();
        admin.MapConfigAdminEndpoints();
        admin.MapThrottlingAdminEndpoints();
        endpoints.MapSelfServiceEndpoints();
        endpoints.MapSessionEndpoints();
        endpoints.MapSessionTokenExchangeEndpoints();
        admin.MapSessionAdminEndpoints();
        admin.MapCourierAdminEndpoints();
        admin.MapRecoveryAdminEndpoints();
        admin.MapAuditAdminEndpoints();
        admin.MapAdminKeyEndpoints();
        admin.MapImpersonationEndpoints();
        admin.MapEventWebhookAdminEndpoints();
        endpoints.MapSelfServiceUi();
        return endpoints;
    }
}
