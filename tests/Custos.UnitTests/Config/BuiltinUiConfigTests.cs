using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class BuiltinUiConfigTests
{
    private const string WithoutUiUrls = """
        dsn: memory
        serve:
          public:
            base_url: https://auth.example.com/base/
        identity:
          schemas:
            - id: default
              url: file:///etc/config/identity.schema.json
        """;

    [Fact]
    public void Load_UnsetUiUrls_PointAtBuiltinPagesOnPublicBaseUrl()
    {
        var result = ConfigTestFiles.Load(WithoutUiUrls);
        var selfservice = result.Options.Selfservice;

        Assert.Equal("https://auth.example.com/base/ui/welcome", selfservice.DefaultBrowserReturnUrl);
        Assert.Equal("https://auth.example.com/base/ui/login", selfservice.Flows.Login.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/registration", selfservice.Flows.Registration.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/settings", selfservice.Flows.Settings.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/recovery", selfservice.Flows.Recovery.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/verification", selfservice.Flows.Verification.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/error", selfservice.Flows.Error.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/login", result.Document["selfservice"]!["flows"]!["login"]!["ui_url"]!.GetValue<string>());
    }

    [Fact]
    public void Load_ExplicitUiUrls_AreKept()
    {
        var options = ConfigTestFiles.Load(WithoutUiUrls + """

            selfservice:
              default_browser_return_url: https://app.example.com/home
              flows:
                login:
                  ui_url: https://app.example.com/login
            """).Options;

        Assert.Equal("https://app.example.com/home", options.Selfservice.DefaultBrowserReturnUrl);
        Assert.Equal("https://app.example.com/login", options.Selfservice.Flows.Login.UiUrl);
        Assert.Equal("https://auth.example.com/base/ui/registration", options.Selfservice.Flows.Registration.UiUrl);
    }

    [Fact]
    public void Load_UiUrlFromEnvironment_IsKept()
    {
        var options = CustosConfiguration.Load([], new Dictionary<string, string?> { ["SELFSERVICE_FLOWS_SETTINGS_UI_URL"] = "http://ui.example/settings" }, dev: true).Options;

        Assert.Equal("http://ui.example/settings", options.Selfservice.Flows.Settings.UiUrl);
        Assert.Equal("http://127.0.0.1:4433/ui/login", options.Selfservice.Flows.Login.UiUrl);
    }

    [Fact]
    public void Load_UiSection_BindsBranding()
    {
        var options = ConfigTestFiles.Load(WithoutUiUrls + """

            ui:
              product_name: Acme ID
              logo_url: /assets/logo.svg
              accent_color: "#0a7d5a"
            """).Options;

        Assert.True(options.Ui.Enabled);
        Assert.Equal("Acme ID", options.Ui.ProductName);
        Assert.Equal("/assets/logo.svg", options.Ui.LogoUrl);
        Assert.Equal("#0a7d5a", options.Ui.AccentColor);
    }

    [Fact]
    public void Load_UiAccentColorNotAColour_Fails()
    {
        var error = ConfigTestFiles.LoadFails(WithoutUiUrls + "\nui:\n  accent_color: \"red; background: url(x)\"\n");

        Assert.Contains("ui.accent_color: must be a colour as #rgb or #rrggbb", error.Errors);
    }
}
