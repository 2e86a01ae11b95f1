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
        return Code().Match(message.Subject + "\n" + message.Body) is { Success: true } m ? m.Value : throw new InvalidOperationException("no code in: " + message.Body);
    }

    /// <summary>The first self-service URL in the newest message to <paramref name="recipient"/>, as a path and query.</summary>
    public static async Task<string> LatestLinkAsync(this CustosAppFactory app, string recipient)
    {
        var message = (await app.MessagesAsync(recipient))[0];
        var url = Link().Match(message.Body) is { Success: true } m ? m.Value : throw new InvalidOperationException("no link in: " + message.Body);
        return new Uri(System.Net.WebUtility.HtmlDecode(url)).PathAndQuery;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex Code();

    [GeneratedRegex(@"https?://[^\s""'<>]+/self-service/[^\s""'<>]+")]
    private static partial Regex Link();
}
