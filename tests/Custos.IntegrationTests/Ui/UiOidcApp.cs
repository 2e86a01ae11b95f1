namespace Custos.IntegrationTests.Ui;

/// <summary>
/// The built-in UI with social sign-in enabled: a <c>generic</c> provider on a loopback issuer (nothing listens there;
/// the forms need only the configuration), a labelled <c>github</c> preset and an organisation's provider that forms
/// never offer.
/// </summary>
public sealed class BuiltinUiOidcApp : BuiltinUiApp
{
    public const string LocalIssuer = "http://127.0.0.1:5599/oidc";

    public BuiltinUiOidcApp()
    {
        ExtraYaml = $"""
            selfservice:
              methods:
                oidc:
                  enabled: true
                  config:
                    providers:
                      - id: local
                        provider: generic
                        label: Local IdP
                        client_id: custos
                        client_secret: secret
                        issuer_url: {LocalIssuer}
                        mapper_url: base64://bG9jYWwgY2xhaW1zID0gc3RkLmV4dFZhcignY2xhaW1zJyk7e30=
                      - id: github
                        provider: github
                        label: GitHub
                        client_id: gh
                        client_secret: gh-secret
                        mapper_url: base64://bG9jYWwgY2xhaW1zID0gc3RkLmV4dFZhcignY2xhaW1zJyk7e30=
                      - id: acme-sso
                        provider: generic
                        client_id: acme
                        client_secret: acme-secret
                        issuer_url: https://sso.acme.example
                        organization_id: 6a6b2a43-2c5c-4a0b-9a59-3f5b9f1d7e10
                        mapper_url: base64://bG9jYWwgY2xhaW1zID0gc3RkLmV4dFZhcignY2xhaW1zJyk7e30=
            """;
    }
}
