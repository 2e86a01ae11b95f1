using System.Text.RegularExpressions;
using Custos.Config;
using Custos.Courier;
using Custos.Ui.Rendering;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Pages;

/// <summary>
/// <c>/ui/dev/mailbox</c>, only with <c>--dev</c>: the messages the courier queued, newest first, so someone trying
/// Custos locally can read verification and recovery emails without an SMTP server. Each shows its plaintext and, for
/// emails, its HTML body in a sandboxed frame (<c>/ui/dev/mailbox/{id}/html</c>). Without dev mode both are a 404.
/// </summary>
internal sealed partial class MailboxPage(ICourierMessageStore messages, IOptionsMonitor<CustosOptions> options, TimeProvider clock)
{
    private const int Shown = 50;

    public async Task<IResult> ShowAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (!o.Dev)
        {
            return Results.NotFound();
        }

        var site = UiSite.From(o);
        var list = await messages.ListAsync(new CourierListQuery { PageSize = Shown }, ct);
        var main = new Html();
        main.Element("p", $"The last {Shown} messages the courier produced, newest first. This page exists only in dev mode (--dev).", ("class", "intro"));
        if (list.Count == 0)
        {
            main.Element("p", "No messages yet. Register or recover an account to receive one.", ("class", "muted"));
        }

        main.Open("ol", ("class", "mailbox"));
        var now = Custos.Hosting.Clock.Now(clock);
        foreach (var message in list)
        {
            main.Open("li", ("class", "mail"), ("data-testid", "mail"));
            main.Open("details", ("open", Html.Flag(message == list[0])));
            main.Open("summary").Element("strong", message.Subject, ("class", "subject"))
                .Element("span", $" to {message.Recipient}", ("class", "recipient")).Close("summary");
            main.Open("dl", ("class", "details compact"));
            main.Element("dt", "To").Element("dd", message.Recipient);
            main.Element("dt", "Template").Element("dd", message.TemplateType);
            main.Element("dt", "Status").Open("dd").Element("span", message.Status, ("class", "badge")).Close("dd");
            main.Element("dt", "Time").Element("dd", $"{message.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC ({Ago(now - message.CreatedAt)})");
            main.Close("dl");
            if (!string.IsNullOrEmpty(message.HtmlBody))
            {
                HtmlFrame(main, site, message);
            }

            main.Open("figure", ("class", "mail-part")).Element("figcaption", "Plain text");
            main.Open("pre", ("class", "mail-body"), ("data-testid", "mail-text"));
            Linkified(main, message.Body);
            main.Close("pre").Close("figure").Close("details").Close("li");
        }

        main.Close("ol");
        return PageShell.Render(site, new UiPage { Title = "Dev mailbox", Main = main, Wide = true, FramesSelf = true });
    }

    /// <summary><c>/ui/dev/mailbox/{id}/html</c>: the HTML body of one message, as a sandboxed document.</summary>
    public async Task<IResult> HtmlBodyAsync(Guid id, CancellationToken ct)
    {
        if (!options.CurrentValue.Dev)
        {
            return Results.NotFound();
        }

        var message = await messages.GetAsync(id, ct);
        return message?.HtmlBody is { Length: > 0 } html ? new SandboxedDocumentResult(html) : Results.NotFound();
    }

    /// <summary>
    /// The HTML body in a frame without scripts and without this origin (a mail's markup is never trusted). It is
    /// framed by URL rather than <c>srcdoc</c>: a <c>srcdoc</c> document inherits this page's CSP, which would block the
    /// mail's inline styles; the framed document carries its own sandboxed policy instead.
    /// </summary>
    private static void HtmlFrame(Html h, UiSite site, CourierMessage message)
    {
        h.Open("figure", ("class", "mail-part")).Element("figcaption", "HTML");
        h.Open("iframe", ("class", "mail-html"), ("src", site.Page($"dev/mailbox/{message.Id:D}/html")), ("sandbox", "allow-popups allow-popups-to-escape-sandbox"),
            ("title", "HTML body of " + message.Subject), ("referrerpolicy", "no-referrer"), ("data-testid", "mail-html")).Close("iframe");
        h.Close("figure");
    }

    /// <summary>The plaintext body with its http(s) links clickable; every piece is encoded.</summary>
    private static void Linkified(Html h, string body)
    {
        var last = 0;
        foreach (Match link in Link().Matches(body))
        {
            h.Text(body[last..link.Index]);
            h.Element("a", link.Value, ("href", link.Value));
            last = link.Index + link.Length;
        }

        h.Text(body[last..]);
    }

    private static string Ago(TimeSpan age) => age.TotalMinutes < 1 ? "just now"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
        : $"{(int)age.TotalDays} d ago";

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex Link();
}
