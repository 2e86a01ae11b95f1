using System.Net;
using Custos.IntegrationTests.Courier;

namespace Custos.IntegrationTests.Ui;

public sealed class UiMailboxTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
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
}

public sealed class UiMailboxProductionTests(BuiltinUiProductionApp app) : IClassFixture<BuiltinUiProductionApp>
{
    [SkippableFact]
    public async Task Mailbox_WithoutDevMode_Is404()
    {
        var response = await app.Public().GetAsync("/ui/dev/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
