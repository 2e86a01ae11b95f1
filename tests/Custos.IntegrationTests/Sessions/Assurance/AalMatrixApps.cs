using System.Text;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>
/// The app of the AAL matrix: password, TOTP and backup codes on, and the <c>code</c> method either as first factor
/// (<c>passwordless_enabled</c>) or as second factor (<c>mfa_enabled</c>), never both (Kratos's config schema refuses the
/// pair). The schema's <c>email</c> trait is the password identifier and the code address.
/// </summary>
public sealed class AalMatrixApp : CustosAppFactory
{
    public const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string", "format": "email",
                  "ory.sh/kratos": { "credentials": { "password": { "identifier": true }, "code": { "identifier": true, "via": "email" } } }
                }
              },
              "required": ["email"]
            }
          }
        }
        """;

    public AalMatrixApp(bool postgres, bool codeIsSecondFactor)
    {
        if (postgres)
        {
            UsePostgres();
        }

        Clock = new ManualTimeProvider();
        ExtraYaml = Yaml(codeIsSecondFactor ? "mfa_enabled: true" : "passwordless_enabled: true");
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;

    /// <summary>The matrix configuration with <paramref name="codeSettings"/> (YAML lines under <c>selfservice.methods.code</c>).</summary>
    public static string Yaml(params string[] codeSettings) => $"""
        secrets:
          default:
            - a-default-secret-of-32-characters
          cipher:
            - 0123456789abcdef0123456789abcdef
        identity:
          default_schema_id: matrix
          schemas:
            - id: matrix
              url: base64://{Convert.ToBase64String(Encoding.UTF8.GetBytes(Schema))}
        selfservice:
          methods:
            totp:
              enabled: true
              config:
                issuer: Custos Test
            lookup_secret:
              enabled: true
            code:
        {string.Concat(codeSettings.Select(s => $"      {s}\n"))}
        """;
}

/// <summary>The two matrix apps on one database, each started on first use.</summary>
public abstract class AalMatrixApps(bool postgres) : IDisposable
{
    private readonly Lazy<AalMatrixApp> _passwordless = new(() => new AalMatrixApp(postgres, codeIsSecondFactor: false));
    private readonly Lazy<AalMatrixApp> _mfa = new(() => new AalMatrixApp(postgres, codeIsSecondFactor: true));

    /// <summary>Code as first factor (<c>passwordless_enabled</c>).</summary>
    public AalMatrixApp Passwordless => _passwordless.Value;

    /// <summary>Code as second factor (<c>mfa_enabled</c>).</summary>
    public AalMatrixApp Mfa => _mfa.Value;

    public void Dispose()
    {
        if (_passwordless.IsValueCreated)
        {
            _passwordless.Value.Dispose();
        }

        if (_mfa.IsValueCreated)
        {
            _mfa.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteAalMatrixApps() : AalMatrixApps(postgres: false);

public sealed class PostgresAalMatrixApps() : AalMatrixApps(postgres: true);
