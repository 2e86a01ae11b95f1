using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Custos.Hosting;

namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>
/// Have I Been Pwned's k-anonymity range API: only the first five hex digits of the password's SHA-1 leave the
/// server (<c>GET /range/ABCDE</c>); the answer lists <c>SUFFIX:COUNT</c> lines (padding entries carry count 0) and the
/// match is made locally. The host comes from <c>haveibeenpwned_host</c> and is reached over https unless it carries
/// an explicit <c>http://</c> or <c>https://</c> prefix (test servers).
/// </summary>
internal sealed class HaveIBeenPwnedClient(IHttpClientFactory httpClients, BreachCountCache cache, HaveIBeenPwnedBudget budget)
{
    public const string HttpClientName = "haveibeenpwned";

    /// <summary>How often <paramref name="password"/> appears in breaches (0 when never).</summary>
    /// <exception cref="HaveIBeenPwnedUnavailableException">network failure, timeout or non-200 answer</exception>
    /// <exception cref="CustosException">502 when the answer cannot be parsed</exception>
    public async Task<long> GetBreachCountAsync(string host, string password, CancellationToken ct)
    {
#pragma warning disable CA5350 // SHA-1 is what the range API is keyed by; it only serves k-anonymity, not integrity
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        if (cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        var prefix = hash[..5];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(budget.Timeout);
        string body;
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(RangeUri(host, prefix), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new HaveIBeenPwnedUnavailableException(
                    string.Create(CultureInfo.InvariantCulture, $"Unexpected status code from haveibeenpwned.com: {(int)response.StatusCode}"))
                { UnexpectedStatus = true };
            }

            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new HaveIBeenPwnedUnavailableException("Unable to check if password has been leaked because an unexpected network error occurred", e);
        }

        var count = Find(body, hash);
        cache.Set(hash, count);
        return count;
    }

    public static Uri RangeUri(string host, string prefix)
    {
        var trimmed = host.Trim().TrimEnd('/');
        var origin = trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? trimmed
            : "https://" + trimmed;
        return new Uri(origin + "/range/" + prefix);
    }

    // Lines are "SUFFIX:COUNT"; a line without a count means one breach (the API has been seen to omit it).
    private static long Find(string body, string hash)
    {
        var suffix = hash.AsSpan(5);
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var lineSuffix = colon < 0 ? line : line[..colon];
            long count = 1;
            if (colon >= 0 && !long.TryParse(line[(colon + 1)..].Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                throw KratosErrors.BadGateway($"Expected password hash to contain a count formatted as int but got: {line[(colon + 1)..]}");
            }

            if (suffix.Equals(lineSuffix, StringComparison.OrdinalIgnoreCase))
            {
                return count;
            }
        }

        return 0;
    }
}
