using System.Globalization;
using Custos.Hosting;

namespace Custos.SelfService.Ui;

/// <summary>
/// Kratos's UI message catalogue (<c>text/id.go</c>): one factory per message, named after Kratos's constant, with the
/// stable numeric id, the type, the American-English text and the context keys clients translate with. Root and
/// reserved ids (1010000, 4060003, ...) are never emitted and have no factory.
/// </summary>
internal static partial class Messages
{
    private static UiText Info(long id, string text, params (string Key, object? Value)[] context) => Create(id, text, UiText.Info, context);

    private static UiText Success(long id, string text, params (string Key, object? Value)[] context) => Create(id, text, UiText.Success, context);

    private static UiText Error(long id, string text, params (string Key, object? Value)[] context) => Create(id, text, UiText.Error, context);

    // Kratos marshals the context from a Go map, so its keys come out sorted.
    private static UiText Create(long id, string text, string type, (string Key, object? Value)[] context)
    {
        if (context.Length == 0)
        {
            return new UiText(id, text, type);
        }

        var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in context)
        {
            sorted[key] = value;
        }

        return new UiText(id, text, type, sorted);
    }

    /// <summary>"The login flow expired 1.50 minutes ago, ...": Go's <c>%.2f</c> of the minutes since expiry, context {expired_at, expired_at_unix}.</summary>
    private static UiText FlowExpired(long id, string flow, DateTime expiredAt, TimeProvider? clock)
    {
        var minutes = ((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime - Utc(expiredAt)).TotalMinutes;
        return Error(id, string.Create(CultureInfo.InvariantCulture, $"The {flow} flow expired {minutes:F2} minutes ago, please try again."),
            ("expired_at", KratosTime.Format(expiredAt)), ("expired_at_unix", Unix(expiredAt)));
    }

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static long Unix(DateTime value) => new DateTimeOffset(Utc(value)).ToUnixTimeSeconds();

    // Go's time.Time.String(): "2006-01-02 15:04:05.999999999 +0000 UTC".
    private static string GoTimeString(DateTime value) =>
        Utc(value).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + " +0000 UTC";
}
