using System.Text.Json.Nodes;
using Custos.Ui.Rendering;

namespace Custos.UnitTests.Ui;

public sealed class NodeRendererTests
{
    private static (string Html, UiPage Page) Render(string nodeJson, bool primary = false, bool noValidate = false, bool unnamed = false)
    {
        var page = new UiPage { Title = "t", Main = new Html() };
        var h = new Html();
        new NodeRenderer(page).Render(h, JsonNode.Parse(nodeJson)!.AsObject(), primary, noValidate, unnamed);
        return (h.ToString(), page);
    }

    [Fact]
    public void Input_WithErrorMessage_IsDescribedByItAndMarkedInvalid()
    {
        var (html, _) = Render("""
            {"type":"input","group":"default","attributes":{"name":"traits.email","type":"email","value":"a\"b","required":true,"node_type":"input"},
             "messages":[{"id":4000002,"text":"Property email is missing.","type":"error"}],"meta":{"label":{"id":1070002,"text":"E-Mail","type":"info"}}}
            """);

        Assert.Equal(
            "<div class=\"field\"><label for=\"field-traits-email\">E-Mail</label><input type=\"email\" id=\"field-traits-email\" name=\"traits.email\" value=\"a&quot;b\" required=\"\" aria-describedby=\"field-traits-email-messages\" aria-invalid=\"true\">"
            + "<ul class=\"messages field-messages\" id=\"field-traits-email-messages\" role=\"alert\"><li class=\"message message-error\" data-message-id=\"4000002\">Property email is missing.</li></ul></div>",
            html);
    }

    [Fact]
    public void PasswordInput_NeverEchoesAValue()
    {
        var (html, _) = Render("""{"type":"input","group":"password","attributes":{"name":"password","type":"password","value":"secret"},"messages":[],"meta":{}}""");

        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Button_OnclickIsNeverWritten_TriggerBecomesDataAttribute()
    {
        var (html, page) = Render("""
            {"type":"input","group":"webauthn","attributes":{"name":"webauthn_login_trigger","type":"button","value":"","onclick":"alert(1)","onclickTrigger":"oryWebAuthnLogin","onloadTrigger":"alert(1)//"},"messages":[],"meta":{"label":{"id":1010008,"text":"Sign in with hardware key","type":"info"}}}
            """, noValidate: true);

        Assert.DoesNotContain("onclick=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.Contains("data-onclick-trigger=\"oryWebAuthnLogin\"", html, StringComparison.Ordinal);
        Assert.Contains(">Sign in with hardware key</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("formnovalidate", html, StringComparison.Ordinal);
        Assert.True(page.NeedsTriggers);
    }

    [Fact]
    public void UnnamedButton_SendsNoField()
    {
        var (html, _) = Render("""{"type":"input","group":"code","attributes":{"name":"method","type":"submit","value":"code"},"messages":[],"meta":{"label":{"id":1070005,"text":"Continue","type":"info"}}}""", unnamed: true);

        Assert.Equal("<button type=\"submit\" class=\"button secondary\">Continue</button>", html);
    }

    [Theory]
    [InlineData("method", "code", false)]
    [InlineData("email", "a@b.c", true)]
    public void OnlyAMethodSubmit_KeepsBrowserValidation(string name, string value, bool skipsChecks)
    {
        var (html, _) = Render($$$"""{"type":"input","group":"code","attributes":{"name":"{{{name}}}","type":"submit","value":"{{{value}}}"},"messages":[],"meta":{}}""");

        Assert.Equal(skipsChecks, html.Contains("formnovalidate", StringComparison.Ordinal));
    }

    [Fact]
    public void SubmitOfAMethodWithoutInputs_SkipsBrowserValidation()
    {
        var (html, _) = Render("""{"type":"input","group":"oidc","attributes":{"name":"provider","type":"submit","value":"github"},"messages":[],"meta":{"label":{"id":1010002,"text":"Sign in with github","type":"info"}}}""", noValidate: true);

        Assert.Equal("<button type=\"submit\" name=\"provider\" value=\"github\" class=\"button secondary social\" data-provider=\"github\" formnovalidate=\"\">Sign in with github</button>", html);
    }

    [Fact]
    public void Script_NeedsASafeSource_AndItsNonceGoesToTheCsp()
    {
        var (_, page) = Render("""{"type":"script","group":"webauthn","attributes":{"src":"http://localhost:4433/.well-known/ory/webauthn.js","async":true,"integrity":"sha512-abc","crossorigin":"anonymous","referrerpolicy":"no-referrer","type":"text/javascript","id":"webauthn_script","nonce":"bm9uY2Utdmx1ZQ=="},"messages":[],"meta":{}}""");
        var (_, evil) = Render("""{"type":"script","group":"webauthn","attributes":{"src":"javascript:alert(1)","nonce":"bm9uY2Utdmx1ZQ=="},"messages":[],"meta":{}}""");

        Assert.Equal("<script src=\"http://localhost:4433/.well-known/ory/webauthn.js\" type=\"text/javascript\" id=\"webauthn_script\" async=\"\" integrity=\"sha512-abc\" crossorigin=\"anonymous\" referrerpolicy=\"no-referrer\" nonce=\"bm9uY2Utdmx1ZQ==\"></script>", page.Scripts.ToString());
        Assert.Equal(["bm9uY2Utdmx1ZQ=="], page.ScriptNonces);
        Assert.Equal("", evil.Scripts.ToString());
        Assert.Empty(evil.ScriptNonces);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("data:text/html,<b>x</b>")]
    public void Anchor_WithUnsafeHref_IsPlainText(string href)
    {
        var (html, _) = Render($$$"""{"type":"a","group":"default","attributes":{"href":"{{{href}}}","title":{"id":1,"text":"Go","type":"info"},"id":"a"},"messages":[],"meta":{}}""");

        Assert.Equal("<p>Go</p>", html);
    }

    [Fact]
    public void Image_DataUriQrCode_IsRendered_JavascriptSourceIsDropped()
    {
        var (qr, _) = Render("""{"type":"img","group":"totp","attributes":{"src":"data:image/png;base64,iVBO","id":"totp_qr","width":256,"height":256},"messages":[],"meta":{"label":{"id":1050005,"text":"Authenticator app QR code","type":"info"}}}""");
        var (evil, _) = Render("""{"type":"img","group":"totp","attributes":{"src":"javascript:alert(1)","id":"x"},"messages":[],"meta":{}}""");

        Assert.Equal("<figure class=\"image-node\"><img src=\"data:image/png;base64,iVBO\" id=\"totp_qr\" alt=\"Authenticator app QR code\" width=\"256\" height=\"256\"><figcaption>Authenticator app QR code</figcaption></figure>", qr);
        Assert.Equal("", evil);
    }

    [Fact]
    public void TextNode_LookupSecrets_AreListedAsCode()
    {
        var (html, _) = Render("""
            {"type":"text","group":"lookup_secret","attributes":{"text":{"id":1050015,"text":"abcd, <efgh>","type":"info","context":{"secrets":[{"id":1050009,"text":"abcd","type":"info"},{"id":1050009,"text":"<efgh>","type":"info"}]}},"id":"lookup_secret_codes","node_type":"text"},"messages":[],"meta":{}}
            """);

        Assert.Equal("<div class=\"text-node\" id=\"lookup_secret_codes\" data-message-id=\"1050015\"><ul class=\"secrets\"><li><code>abcd</code></li><li><code>&lt;efgh&gt;</code></li></ul>"
            + "<a href=\"data:text/plain;charset=utf-8,abcd%0A%3Cefgh%3E%0A\" download=\"backup-recovery-codes.txt\" class=\"button secondary download\" data-testid=\"download-codes\">Download</a></div>", html);
    }

    [Fact]
    public void TextNode_LookupSecrets_UsedAndMaskedCodesAreLeftOutOfTheDownload()
    {
        var (html, _) = Render("""
            {"type":"text","group":"lookup_secret","attributes":{"text":{"id":1050015,"text":"used, ********, wxyz","type":"info","context":{"secrets":[{"id":1050014,"text":"Secret was used at 2026-12-07","type":"info","context":{"used_at":"2026-12-07T00:00:00Z"}},{"id":1050009,"text":"********","type":"info","context":{"secret":"********"}},{"id":1050009,"text":"wxyz","type":"info","context":{"secret":"wxyz"}}]}},"id":"lookup_secret_codes","node_type":"text"},"messages":[],"meta":{}}
            """);

        Assert.Contains("<a href=\"data:text/plain;charset=utf-8,wxyz%0A\" download=\"backup-recovery-codes.txt\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TextNode_LookupSecrets_AllMasked_HaveNoDownload()
    {
        var (html, _) = Render("""
            {"type":"text","group":"lookup_secret","attributes":{"text":{"id":1050015,"text":"********","type":"info","context":{"secrets":[{"id":1050009,"text":"********","type":"info","context":{"secret":"********"}}]}},"id":"lookup_secret_codes","node_type":"text"},"messages":[],"meta":{}}
            """);

        Assert.Contains("<li><code>********</code></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("download", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkbox_IsWrappedInItsLabel()
    {
        var (html, _) = Render("""{"type":"input","group":"profile","attributes":{"name":"traits.newsletter","type":"checkbox","value":true},"messages":[],"meta":{"label":{"id":1070002,"text":"Newsletter","type":"info"}}}""");

        Assert.Equal("<div class=\"field checkbox\"><label for=\"field-traits-newsletter\"><input type=\"checkbox\" id=\"field-traits-newsletter\" name=\"traits.newsletter\" value=\"true\" checked=\"\"><span>Newsletter</span></label></div>", html);
    }
}
