using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Custos.Hosting;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// The courier list's <c>page_token</c>: the keyset position (last row's <c>created_at</c> and id) sealed with
/// <see cref="AeadSeal"/>, as Kratos encrypts its page tokens, so clients can neither read nor forge positions. Keys
/// come from <c>secrets.pagination</c>, else <c>secrets.default</c>, else a per-process random key (tokens then do not
/// survive a restart or cross nodes). Singleton, for that process key.
/// </summary>
internal sealed class CourierPageToken(IOptionsMonitor<CustosOptions> options)
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("custos/courier-page-token/v1");
    private readonly Lazy<byte[]> _processKey = new(() => RandomNumberGenerator.GetBytes(32));

    public string Encode(SessionCursor cursor) => AeadSeal.Seal(Encoding.ASCII.GetBytes(cursor.Encode()), Keys()[0], Purpose);

    /// <summary>The position in the request's <c>page_token</c>; null without one; 400 in Kratos's envelope when it does not open.</summary>
    public SessionCursor? Decode(IQueryCollection query)
    {
        var raw = query["page_token"].FirstOrDefault();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return AeadSeal.Open(raw, Keys(), Purpose) is { } plaintext && SessionCursor.TryDecode(Encoding.ASCII.GetString(plaintext)) is { } cursor
            ? cursor
            : throw KratosErrors.BadRequest("The page token is invalid, do not craft your own page tokens");
    }

    private List<byte[]> Keys()
    {
        var secrets = options.CurrentValue.Secrets;
        var configured = secrets.Pagination.Count > 0 ? secrets.Pagination : secrets.Default;
        return configured.Count > 0 ? configured.Select(AeadSeal.Key).ToList() : [_processKey.Value];
    }
}
