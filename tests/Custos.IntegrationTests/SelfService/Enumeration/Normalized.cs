using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Custos.IntegrationTests.SelfService.Enumeration;

/// <summary>
/// An HTTP answer with what differs between any two requests replaced (ids, times, CSRF tokens, the typed addresses),
/// so that two answers can be compared byte for byte.
/// </summary>
internal static partial class Normalized
{
    public static async Task<string> AnswerAsync(HttpResponseMessage response, params string[] addresses)
    {
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.ToString() ?? "";
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? string.Join("\n", values.Select(v => v.Split('=')[0]).Order(StringComparer.Ordinal))
            : "";
        return $"{(int)response.StatusCode}\n{Headers(response.Content.Headers)}\n{Text(location, addresses)}\n{cookies}\n{Text(body, addresses)}";
    }

    public static string Text(string text, params string[] addresses)
    {
        foreach (var address in addresses)
        {
            text = text.Replace(address, "ADDRESS", StringComparison.OrdinalIgnoreCase);
        }

        text = Uuid().Replace(text, "UUID");
        text = Timestamp().Replace(text, "TIME");
        return Csrf().Replace(text, "$1CSRF");
    }

    private static string Headers(HttpContentHeaders headers) => headers.ContentType?.MediaType ?? "";

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(""name"":""csrf_token""[^}]*?""value"":"")[^""]*")]
    private static partial Regex Csrf();
}
