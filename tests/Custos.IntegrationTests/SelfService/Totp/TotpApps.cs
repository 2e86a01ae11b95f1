using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Totp;

/// <summary>
/// The app with TOTP on, <c>secrets.cipher</c> set, a manual clock, and a second schema (<c>totp</c>) whose
/// <c>username</c> trait is the TOTP account name.
/// </summary>
public class TotpApp : CustosAppFactory
{
    public const string CipherSecret = "0123456789abcdef0123456789abcdef";
    public const string Issuer = "Custos Test";

    public TotpApp()
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 7, 29, 10, 0, 15, TimeSpan.Zero));
        var dir = Path.GetDirectoryName(SchemaPath)!;
        var totpSchema = Path.Combine(dir, "totp.schema.json");
        File.WriteAllText(totpSchema, """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "properties": {
                "traits": {
                  "type": "object",
                  "properties": {
                    "email": { "type": "string", "format": "email", "ory.sh/kratos": { "credentials": { "password": { "identifier": true } } } },
                    "username": { "type": "string", "ory.sh/kratos": { "credentials": { "totp": { "account_name": true } } } }
                  },
                  "required": ["email"]
                }
              }
            }
            """);
        ExtraYaml = $"""
            secrets:
              cipher:
                - {CipherSecret}
            selfservice:
              methods:
                totp:
                  enabled: true
                  config:
                    issuer: {Issuer}
            identity:
              default_schema_id: default
              schemas:
                - id: default
                  url: file://{SchemaPath}
                - id: totp
                  url: file://{totpSchema}
            """;
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;
}

public sealed class TotpPostgresApp : TotpApp
{
    public TotpPostgresApp()
    {
        UsePostgres();
    }
}
