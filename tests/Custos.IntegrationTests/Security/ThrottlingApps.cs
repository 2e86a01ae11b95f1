using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Security;

/// <summary>
/// Recovery on (code by mail), a manual clock, throttling on with small limits, 10.0.0.0/8 as trusted proxies. The
/// in-memory test server has no connection address, so <see cref="PeerHeader"/> plays the TCP peer (default 127.0.0.1).
/// </summary>
public class ThrottlingApp : AddressFlowApp
{
    /// <summary>The test-only header that sets the connection's remote address.</summary>
    public const string PeerHeader = "X-Test-Peer";

    public const string ThrottlingYaml = """

        serve:
          public:
            trusted_proxies:
              - 10.0.0.0/8
        security:
          throttling:
            enabled: true
            login_identifier:
              limit: 3
            login_identifier_ceiling:
              limit: 5
            login_address:
              limit: 12
            registration_address:
              limit: 3
        """;

    public ThrottlingApp()
        : this(enabled: true)
    {
    }

    protected ThrottlingApp(bool enabled)
    {
        ExtraYaml = Yaml + (enabled ? ThrottlingYaml : ThrottlingYaml.Replace("enabled: true", "enabled: false", StringComparison.Ordinal));
        ReplaceServices = services => services.AddTransient<IStartupFilter, TestPeerStartupFilter>();
    }

    private sealed class TestPeerStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                var peer = context.Request.Headers[PeerHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.Length > 0 ? peer : "127.0.0.1");
                // The listener is told by the local port once a connection has an address, as on Kestrel.
                context.Connection.LocalPort = context.Request.Host.Port ?? 0;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>The same on PostgreSQL (skipped without <c>CUSTOS_TEST_POSTGRES_DSN</c>).</summary>
public sealed class PostgresThrottlingApp : ThrottlingApp
{
    public PostgresThrottlingApp()
    {
        UsePostgres();
    }
}

/// <summary>The same limits with <c>security.throttling.enabled: false</c>.</summary>
public sealed class DisabledThrottlingApp : ThrottlingApp
{
    public DisabledThrottlingApp()
        : base(enabled: false)
    {
    }
}

/// <summary>A second node on the database of <paramref name="first"/> (its own process state, the same PostgreSQL).</summary>
public sealed class SecondNodeApp : ThrottlingApp
{
    public SecondNodeApp(ThrottlingApp first)
    {
        Dsn = first.Dsn;
        Unavailable = first.Unavailable;
    }
}
