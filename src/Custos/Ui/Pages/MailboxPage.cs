using System.Text.RegularExpressions;
using Custos.Config;
using Custos.Courier;
using Custos.Ui.Rendering;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Pages;

/// <summary>
/// <c>/ui/dev/mailbox</c>, only with <c>--dev</c>: the messages the courier queued, newest first, so someone trying
/// Custos locally can read verification and recovery emails without an SMTP server. Without dev mode it is a 404.
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
            main.Open("pre", ("class", "mail-body"));
            Linkified(main, message.Body);
            main.Close("pre").Close("details").Close("li");
        }

        main.Close("ol");
        return PageShell.Render(site, new UiPage { Title = "Dev mailbox", Main = main, Wide = true });
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
