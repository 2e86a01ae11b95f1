using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Custos.Courier;
using Custos.IntegrationTests.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>Reads what the flows queued for an address, straight from the courier store.</summary>
internal static partial class Mailbox
{
    public static async Task<IReadOnlyList<CourierMessage>> MessagesAsync(this CustosAppFactory app, string recipient)
    {
        IReadOnlyList<CourierMessage> page = [];
        await app.WithStoreAsync(async s => page = await s.ListAsync(new CourierListQuery { PageSize = 100, Recipient = recipient }, CancellationToken.None));
        return page;
    }

    /// <summary>The 6-digit code of the newest message to <paramref name="recipient"/>.</summary>
    public static async Task<string> LatestCodeAsync(this CustosAppFactory app, string recipient)
    {
        var message = (await app.MessagesAsync(recipient))[0];
        return CodeIn(message.Subject + "\n" + message.Body) is { Length: > 0 } code ? code : throw new InvalidOperationException("no code in message " + message.Id);
    }

    /// <summary>The first self-service URL in the newest message to <paramref name="recipient"/>, as a path and query.</summary>
    public static async Task<string> LatestLinkAsync(this CustosAppFactory app, string recipient)
    {
        var message = (await app.MessagesAsync(recipient))[0];
        return LinkIn(message.Body);
    }

    /// <summary>The first self-service URL in a mail's text, as a path and query.</summary>
    public static string LinkIn(string text)
    {
        var url = Link().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no link in: " + text);
        return new Uri(System.Net.WebUtility.HtmlDecode(url)).PathAndQuery;
    }

    /// <summary>The 6-digit code in a mail's text.</summary>
    public static string CodeIn(string text) => Code().Match(text).Value;

    /// <summary>
    /// A flow without what differs between any two flows (ids, times, URLs, CSRF token and the typed address), to show
    /// that two answers look the same.
    /// </summary>
    public static string FlowShape(JsonNode flow)
    {
        var o = flow.DeepClone().AsObject();
        foreach (var key in new[] { "id", "expires_at", "issued_at", "request_url" })
        {
            o.Remove(key);
        }

        o["ui"]!.AsObject().Remove("action");
        foreach (var node in o["ui"]!["nodes"]!.AsArray())
        {
            if (node!["attributes"]!["name"]?.GetValue<string>() is "csrf_token" or "email")
            {
                node["attributes"]!.AsObject().Remove("value");
            }
        }

        return o.ToJsonString();
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex Code();

    [GeneratedRegex(@"https?://[^\s""'<>]+/self-service/[^\s""'<>]+")]
    private static partial Regex Link();
}
