using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary>Custos with passwords and passkeys (rp id <c>localhost</c>), on a schema whose e-mail names the passkey.</summary>
public class PasskeyApp : CustosAppFactory
{
    public const string Origin = "http://localhost:4455";

    public PasskeyApp()
    {
        ExtraYaml = """
            identity:
              default_schema_id: default
              schemas:
                - id: default
                  url: base64://ewogICIkaWQiOiAiaHR0cHM6Ly9leGFtcGxlLmNvbS9wYXNza2V5LnNjaGVtYS5qc29uIiwKICAiJHNjaGVtYSI6ICJodHRwOi8vanNvbi1zY2hlbWEub3JnL2RyYWZ0LTA3L3NjaGVtYSMiLAogICJ0eXBlIjogIm9iamVjdCIsCiAgInByb3BlcnRpZXMiOiB7CiAgICAidHJhaXRzIjogewogICAgICAidHlwZSI6ICJvYmplY3QiLAogICAgICAicHJvcGVydGllcyI6IHsKICAgICAgICAiZW1haWwiOiB7CiAgICAgICAgICAidHlwZSI6ICJzdHJpbmciLCAiZm9ybWF0IjogImVtYWlsIiwgInRpdGxlIjogIkUtTWFpbCIsCiAgICAgICAgICAib3J5LnNoL2tyYXRvcyI6IHsKICAgICAgICAgICAgImNyZWRlbnRpYWxzIjogeyAicGFzc3dvcmQiOiB7ICJpZGVudGlmaWVyIjogdHJ1ZSB9LCAid2ViYXV0aG4iOiB7ICJpZGVudGlmaWVyIjogdHJ1ZSB9LCAicGFzc2tleSI6IHsgImRpc3BsYXlfbmFtZSI6IHRydWUgfSB9LAogICAgICAgICAgICAidmVyaWZpY2F0aW9uIjogeyAidmlhIjogImVtYWlsIiB9LAogICAgICAgICAgICAicmVjb3ZlcnkiOiB7ICJ2aWEiOiAiZW1haWwiIH0KICAgICAgICAgIH0KICAgICAgICB9CiAgICAgIH0sCiAgICAgICJyZXF1aXJlZCI6IFsiZW1haWwiXSwKICAgICAgImFkZGl0aW9uYWxQcm9wZXJ0aWVzIjogZmFsc2UKICAgIH0KICB9Cn0=
            selfservice:
              flows:
                registration:
                  style: unified
              methods:
                passkey:
                  enabled: true
                  config:
                    rp:
                      id: localhost
                      display_name: Custos Passkeys
                      origins:
                        - http://localhost:4455
            """;
    }
}

public sealed class PasskeyPostgresApp : PasskeyApp
{
    public PasskeyPostgresApp()
    {
        UsePostgres();
    }
}
