using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Custos.Ui.Rendering;

namespace Custos.UnitTests.Ui;

/// <summary>
/// Passkey and security-key nodes (Kratos's shapes, see API_CONTRACT_STRATEGIES §4) laid out by the generic renderer:
/// the script node goes to the page once, triggers become data attributes, a trigger is its method's main action.
/// </summary>
public sealed partial class FlowFormsWebAuthnTests
{
    private const string Script = """{"type":"script","group":"webauthn","attributes":{"src":"http://localhost:4433/.well-known/ory/webauthn.js","async":true,"referrerpolicy":"no-referrer","crossorigin":"anonymous","integrity":"sha512-abc","type":"text/javascript","id":"webauthn_script","nonce":"5b0c7f39-1a2b-4c3d-8e9f-0a1b2c3d4e5f","node_type":"script"},"messages":[],"meta":{}}""";
    private const string Csrf = """{"type":"input","group":"default","attributes":{"name":"csrf_token","type":"hidden","value":"tok","required":true,"node_type":"input"},"messages":[],"meta":{}}""";

    private static (string Html, UiPage Page) Render(bool formPerGroup, IReadOnlyDictionary<string, string>? captions, params string[] nodes)
    {
        var flow = JsonNode.Parse("""{"ui":{"action":"http://localhost:4433/self-service/x?flow=1","method":"POST","nodes":[""" + string.Join(',', nodes) + "]}}")!.AsObject();
        var page = new UiPage { Title = "t", Main = new Html() };
        var h = new Html();
        FlowForms.Render(h, flow, new NodeRenderer(page), formPerGroup, captions);
        return (h.ToString(), page);
    }

    [Fact]
    public void SettingsWithPasskeysOnly_HaveNoEmptySecurityKeySection_AndTheScriptOnce()
    {
        var (html, page) = Render(formPerGroup: true, null, Csrf,
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_remove","type":"submit","value":"0a0b","disabled":true,"node_type":"input"},"messages":[],"meta":{"label":{"id":1050020,"text":"Remove passkey \"Laptop\"","type":"info"}}}""",
            Script,
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_register_trigger","type":"button","value":"","onclick":"window.oryPasskeySettingsRegistration()","onclickTrigger":"oryPasskeySettingsRegistration","node_type":"input"},"messages":[],"meta":{"label":{"id":1050019,"text":"Add passkey","type":"info"}}}""",
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_settings_register","type":"hidden","node_type":"input"},"messages":[],"meta":{}}""",
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_create_data","type":"hidden","value":"{\"publicKey\":{\"challenge\":\"<x>\"}}","node_type":"input"},"messages":[],"meta":{}}""",
            Script);

        Assert.DoesNotContain("data-group=\"webauthn\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"group-passkey-title\">Passkeys</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"passkey_remove\" value=\"0a0b\" class=\"button secondary\" disabled=\"\" formnovalidate=\"\">Remove passkey &quot;Laptop&quot;</button>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" name=\"passkey_register_trigger\" value=\"\" class=\"button primary\" data-onclick-trigger=\"oryPasskeySettingsRegistration\">Add passkey</button>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"passkey_create_data\" value=\"{&quot;publicKey&quot;:{&quot;challenge&quot;:&quot;&lt;x&gt;&quot;}}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Single(ScriptTags().Matches(page.Scripts.ToString()));
        Assert.Equal(["5b0c7f39-1a2b-4c3d-8e9f-0a1b2c3d4e5f"], page.ScriptNonces);
        Assert.True(page.NeedsTriggers);
    }

    [Fact]
    public void SecurityKeySection_OffersTheNameAndAddAsMainAction_AndARemoveButtonPerKey()
    {
        var (html, _) = Render(formPerGroup: true, null, Csrf,
            """{"type":"input","group":"webauthn","attributes":{"name":"webauthn_remove","type":"submit","value":"626172","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1050018,"text":"Remove security key \"YubiKey <5>\"","type":"info","context":{"display_name":"YubiKey <5>"}}}}""",
            """{"type":"input","group":"webauthn","attributes":{"name":"webauthn_register_displayname","type":"text","value":"","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1050013,"text":"Name of the security key","type":"info"}}}""",
            """{"type":"input","group":"webauthn","attributes":{"name":"webauthn_register_trigger","type":"button","value":"{\"publicKey\":{\"rp\":{\"id\":\"localhost\"}}}","onclick":"window.oryWebAuthnRegistration({})","onclickTrigger":"oryWebAuthnRegistration","node_type":"input"},"messages":[],"meta":{"label":{"id":1050012,"text":"Add security key","type":"info"}}}""",
            """{"type":"input","group":"webauthn","attributes":{"name":"webauthn_register","type":"hidden","value":"","node_type":"input"},"messages":[],"meta":{}}""",
            Script);

        var section = Regex.Match(html, "<section class=\"group group-webauthn\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<h2 id=\"group-webauthn-title\">Security keys</h2>", section, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"webauthn_remove\" value=\"626172\" class=\"button secondary\" formnovalidate=\"\">Remove security key &quot;YubiKey &lt;5&gt;&quot;</button>", section, StringComparison.Ordinal);
        Assert.Contains("<label for=\"field-webauthn_register_displayname\">Name of the security key</label><input type=\"text\" id=\"field-webauthn_register_displayname\" name=\"webauthn_register_displayname\" value=\"\">", section, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" name=\"webauthn_register_trigger\" value=\"{&quot;publicKey&quot;:{&quot;rp&quot;:{&quot;id&quot;:&quot;localhost&quot;}}}\" class=\"button primary\" data-onclick-trigger=\"oryWebAuthnRegistration\">Add security key</button>", section, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"webauthn_register\" value=\"\">", section, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(section, "<form "));
    }

    [Fact]
    public void PasskeyLogin_StartsTheAutofillOnLoad_BesideThePasswordForm()
    {
        var captions = new Dictionary<string, string>(StringComparer.Ordinal) { ["passkey"] = "Use a passkey" };
        var (html, _) = Render(formPerGroup: false, captions, Csrf,
            """{"type":"input","group":"default","attributes":{"name":"identifier","type":"text","value":"","required":true,"autocomplete":"username webauthn","node_type":"input"},"messages":[],"meta":{"label":{"id":1070002,"text":"E-Mail","type":"info"}}}""",
            Script,
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_login_trigger","type":"button","value":"","onclick":"window.oryPasskeyLogin()","onclickTrigger":"oryPasskeyLogin","node_type":"input"},"messages":[],"meta":{"label":{"id":1010021,"text":"Sign in with passkey","type":"info"}}}""",
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_login","type":"hidden","value":"","onload":"window.oryPasskeyLoginAutocompleteInit()","onloadTrigger":"oryPasskeyLoginAutocompleteInit","node_type":"input"},"messages":[],"meta":{}}""",
            """{"type":"input","group":"passkey","attributes":{"name":"passkey_challenge","type":"hidden","value":"{}","node_type":"input"},"messages":[],"meta":{}}""",
            """{"type":"input","group":"password","attributes":{"name":"password","type":"password","required":true,"autocomplete":"current-password","node_type":"input"},"messages":[],"meta":{"label":{"id":1070001,"text":"Password","type":"info"}}}""",
            """{"type":"input","group":"password","attributes":{"name":"method","type":"submit","value":"password","node_type":"input"},"messages":[],"meta":{"label":{"id":1010022,"text":"Sign in with password","type":"info"}}}""");

        Assert.Single(Regex.Matches(html, "<form "));
        Assert.Contains("autocomplete=\"username webauthn\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"passkey_login\" value=\"\" data-onload-trigger=\"oryPasskeyLoginAutocompleteInit\">", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"method\" value=\"password\" class=\"button primary\">Sign in with password</button>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"group group-passkey\" data-group=\"passkey\"><p class=\"group-caption\">Use a passkey</p>"
            + "<button type=\"button\" name=\"passkey_login_trigger\" value=\"\" class=\"button secondary\" data-onclick-trigger=\"oryPasskeyLogin\">Sign in with passkey</button>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("data-group=\"password\"", StringComparison.Ordinal) < html.IndexOf("data-group=\"passkey\"", StringComparison.Ordinal));
        Assert.DoesNotContain("onload=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-group=\"webauthn\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script ")]
    private static partial Regex ScriptTags();
}
