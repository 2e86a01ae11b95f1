namespace Custos.Hosting;

/// <summary>Times as Custos stores them: UTC, truncated to microseconds (PostgreSQL's precision), so both databases agree.</summary>
internal static class Clock
{
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
