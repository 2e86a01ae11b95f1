using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Custos.Persistence;

/// <summary>
/// One-time Dapper configuration. SQLite stores ids as lower-case text and times as sortable UTC text; PostgreSQL
/// uses native <c>uuid</c>/<c>timestamptz</c>. The handlers pick the representation by the parameter's provider.
/// </summary>
internal static class DapperSetup
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DateTimeHandler());
    }

    /// <summary>Formats a UTC time the way SQLite columns hold it (lexically sortable).</summary>
    public static string FormatTime(DateTime value) =>
        DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is NpgsqlParameter)
            {
                parameter.Value = value;
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException("cannot read a uuid from " + value.GetType().Name),
        };
    }

    private sealed class DateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            var utc = DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc);
            if (parameter is NpgsqlParameter)
            {
                parameter.Value = utc;
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = FormatTime(utc);
        }

        public override DateTime Parse(object value) => value switch
        {
            DateTime d => DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc),
            string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            DateTimeOffset o => o.UtcDateTime,
            _ => throw new DataException("cannot read a time from " + value.GetType().Name),
        };
    }
}
