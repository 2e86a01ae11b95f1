using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions;

/// <summary>SQLite app with non-default session settings: aal1 whoami, a 1h extension window, 204 extensions, browser-session cookies, cacheable sessions.</summary>
public sealed class AlternateSessionConfigApp : CustosAppFactory
{
    public AlternateSessionConfigApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = """
            session:
              lifespan: 2h
              earliest_possible_extend: 1h
              cookie:
                name: my_session
                persistent: false
                same_site: Strict
              whoami:
                required_aal: aal1
            secrets:
              cookie:
                - this-is-a-cookie-secret-of-32-ch
            feature_flags:
              faster_session_extend: true
              cacheable_sessions: true
              cacheable_sessions_max_age: 1m
            """;
    }
}
