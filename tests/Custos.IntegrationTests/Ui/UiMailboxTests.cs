using System.Net;
using Custos.IntegrationTests.Courier;

namespace Custos.IntegrationTests.Ui;

public sealed class UiMailboxTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
    private const string HostileHtml = "<!DOCTYPE html><html><body style=\"background:#eee\"><p>Styled</p><script>alert(1)</script></body></html>";

    [SkippableFact]
    public async Task Mailbox_InDevMode_ListsMessagesNewestFirst_Encoded()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        await app.EnqueueAsync(recipient, DateTime.UtcNow.AddMinutes(-5), subject: "older <b>subject</b>");
        await app.EnqueueAsync(recipient, DateTime.UtcNow, subject: "newer subject");

        var (response, html) = await new UiBrowser(app).OpenAsync("/ui/dev/mailbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newer = html.IndexOf("newer subject", StringComparison.Ordinal);
        var older = html.IndexOf("older &lt;b&gt;subject&lt;/b&gt;", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, "both listed, newest first, HTML-encoded");
        Assert.Contains(recipient, html, StringComparison.Ordinal);
        Assert.Contains("login_code_valid", html, StringComparison.Ordinal);
        Assert.Contains("Log in with the code 424242", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Mailbox_BodyLinks_AreClickableAndEncoded()
    {
        await app.WithStoreAsync(store => store.EnqueueAsync(new Custos.Courier.CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = "queued",
            Type = "email",
            Recipient = "link@example.com",
            Subject = "Verify",
            Body = "Open http://localhost:4433/self-service/verification?flow=1&code=2 <now>",
            TemplateType = "verification_valid",
            CreatedAt = DateTime.UtcNow.AddDays(1),
        }, CancellationToken.None));

        var (_, html) = await new UiBrowser(app).OpenAsync("/ui/dev/mailbox");

        Assert.Contains("<a href=\"http://localhost:4433/self-service/verification?flow=1&amp;code=2\">", html, StringComparison.Ordinal);
        Assert.Contains(" &lt;now&gt;", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Mailbox_FramesHtmlBodyInASandbox_PageCspStaysStrict()
    {
        var message = await EnqueueHtmlAsync(HostileHtml);

        var (response, html) = await new UiBrowser(app).OpenAsync("/ui/dev/mailbox");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains(
            $"<iframe class=\"mail-html\" src=\"/ui/dev/mailbox/{message.Id}/html\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML body of Styled\" referrerpolicy=\"no-referrer\"",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("srcdoc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("Plain &lt;b&gt;text&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MailHtmlBody_IsServedAsItIs_UnderASandboxedPolicy()
    {
        var message = await EnqueueHtmlAsync(HostileHtml);

        var response = await new UiBrowser(app).Http.GetAsync($"/ui/dev/mailbox/{message.Id}/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(HostileHtml, await response.Content.ReadAsStringAsync());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; ", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [SkippableFact]
    public async Task MailWithoutHtmlBody_HasNoFrame_AndItsHtmlIs404()
    {
        var message = await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com", DateTime.UtcNow.AddDays(2), subject: "text only");

        var (_, html) = await new UiBrowser(app).OpenAsync("/ui/dev/mailbox");
        var own = await app.Public().GetAsync($"/ui/dev/mailbox/{message.Id}/html");
        var unknown = await app.Public().GetAsync($"/ui/dev/mailbox/{Guid.NewGuid()}/html");

        Assert.Contains("text only", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/ui/dev/mailbox/{message.Id}/html", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<Custos.Courier.CourierMessage> EnqueueHtmlAsync(string htmlBody)
    {
        var message = new Custos.Courier.CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = "queued",
            Type = "email",
            Recipient = $"{Guid.NewGuid():N}@example.com",
            Subject = "Styled",
            Body = "Plain <b>text</b>",
            HtmlBody = htmlBody,
            TemplateType = "verification_code_valid",
            CreatedAt = DateTime.UtcNow.AddDays(3),
        };
        await app.WithStoreAsync(store => store.EnqueueAsync(message, CancellationToken.None));
        return message;
    }
}

public sealed class UiMailboxProductionTests(BuiltinUiProductionApp app) : IClassFixture<BuiltinUiProductionApp>
{
    [SkippableFact]
    public async Task Mailbox_WithoutDevMode_Is404()
    {
        var response = await app.Public().GetAsync("/ui/dev/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task MailHtmlBody_WithoutDevMode_Is404()
    {
        var message = await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com");

        var response = await app.Public().GetAsync($"/ui/dev/mailbox/{message.Id}/html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
