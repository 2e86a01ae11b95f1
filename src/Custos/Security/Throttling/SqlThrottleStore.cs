using System.Globalization;
using System.Text;
using Custos.Persistence;
using Dapper;

namespace Custos.Security.Throttling;

/// <summary>
/// <see cref="IThrottleStore"/> on <c>throttle_counters</c>. Every check-and-count is one <c>INSERT … ON CONFLICT DO
/// UPDATE … RETURNING</c> (SQLite ≥ 3.35 and PostgreSQL share the syntax), so two nodes counting the same key at once
/// both see their own increment and never lose one.
/// </summary>
internal sealed class SqlThrottleStore(DbSession db) : IThrottleStore
{
    // A window that ended restarts at 1 with a new end; a live one adds 1 and keeps its end. SET reads the old row.
    private const string UpsertTail =
        " ON CONFLICT (nid, rule, key_hash) DO UPDATE SET"
        + " count = CASE WHEN throttle_counters.expires_at <= @Now THEN 1 ELSE throttle_counters.count + 1 END,"
        + " expires_at = CASE WHEN throttle_counters.expires_at <= @Now THEN excluded.expires_at ELSE throttle_counters.expires_at END";

    private const string TakeSql =
        "INSERT INTO throttle_counters (nid, rule, key_hash, subject, count, expires_at) VALUES (@Nid, @Rule, @Hash, @Subject, 1, @Expires)"
        + UpsertTail
        + " WHERE throttle_counters.expires_at <= @Now OR throttle_counters.count < @Limit"
        + " RETURNING count, expires_at";

    private sealed class Row
    {
        public string Rule { get; set; } = "";
        public string KeyHash { get; set; } = "";
        public long Count { get; set; }
        public long ExpiresAt { get; set; }
    }

    public async Task<IReadOnlyList<ThrottleCount>> ReadAsync(IReadOnlyList<ThrottleKey> keys, DateTimeOffset now, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var parameters = KeyParameters(keys, out var match);
        parameters.Add("Now", now.ToUnixTimeMilliseconds());
        var rows = await QueryAsync(
            $"SELECT rule, key_hash, count, expires_at FROM throttle_counters WHERE nid = @Nid AND expires_at > @Now AND ({match})", parameters, ct);
        return Join(keys, rows);
    }

    public async Task<IReadOnlyList<ThrottleCount>> IncrementAsync(IReadOnlyList<ThrottleKey> keys, DateTimeOffset now, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        // PostgreSQL refuses an upsert that touches one row twice.
        keys = keys.DistinctBy(k => (k.Rule.Name, k.Hash)).ToList();
        var parameters = new DynamicParameters(new { Nid = Network.DefaultId, Now = now.ToUnixTimeMilliseconds() });
        var values = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            parameters.Add($"R{i}", keys[i].Rule.Name);
            parameters.Add($"H{i}", keys[i].Hash);
            parameters.Add($"S{i}", keys[i].Subject);
            parameters.Add($"E{i}", (now + keys[i].Rule.Window).ToUnixTimeMilliseconds());
            values.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@Nid, @R{i}, @H{i}, @S{i}, 1, @E{i})");
        }

        var rows = await QueryAsync(
            $"INSERT INTO throttle_counters (nid, rule, key_hash, subject, count, expires_at) VALUES {values}{UpsertTail} RETURNING rule, key_hash, count, expires_at",
            parameters, ct);
        return Join(keys, rows);
    }

    public async Task<ThrottleTake> TryTakeAsync(ThrottleKey key, DateTimeOffset now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var nowMs = now.ToUnixTimeMilliseconds();
        var taken = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(TakeSql, new
        {
            Nid = Network.DefaultId,
            Rule = key.Rule.Name,
            key.Hash,
            key.Subject,
            Expires = (now + key.Rule.Window).ToUnixTimeMilliseconds(),
            Now = nowMs,
            key.Rule.Limit,
        }, db.Transaction, cancellationToken: ct));
        if (taken is not null)
        {
            return new ThrottleTake(true, ToCount(key, taken));
        }

        // Refused: the row exists with a live, full window (the WHERE of the upsert kept it as it was).
        var current = await ReadAsync([key], now, ct);
        return new ThrottleTake(false, current.Count > 0 ? current[0] : new ThrottleCount(key, key.Rule.Limit, now + key.Rule.Window));
    }

    public async Task<int> DeleteAsync(IReadOnlyList<ThrottleKey> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var parameters = KeyParameters(keys, out var match);
        return await ExecuteAsync($"DELETE FROM throttle_counters WHERE nid = @Nid AND ({match})", parameters, ct);
    }

    public async Task<int> ClearSubjectsAsync(IReadOnlyList<string> subjects, CancellationToken ct)
    {
        if (subjects.Count == 0)
        {
            return 0;
        }

        var parameters = new DynamicParameters(new { Nid = Network.DefaultId });
        var names = new List<string>(subjects.Count);
        foreach (var (subject, i) in subjects.Distinct(StringComparer.Ordinal).Select((s, i) => (s, i)))
        {
            parameters.Add($"S{i}", subject);
            names.Add($"@S{i}");
        }

        return await ExecuteAsync($"DELETE FROM throttle_counters WHERE subject IN ({string.Join(", ", names)}) AND nid = @Nid", parameters, ct);
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM throttle_counters WHERE expires_at <= @Now", new DynamicParameters(new { Now = now.ToUnixTimeMilliseconds() }), ct);

    private static DynamicParameters KeyParameters(IReadOnlyList<ThrottleKey> keys, out string match)
    {
        var parameters = new DynamicParameters(new { Nid = Network.DefaultId });
        var clauses = new List<string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            parameters.Add($"R{i}", keys[i].Rule.Name);
            parameters.Add($"H{i}", keys[i].Hash);
            clauses.Add(string.Create(CultureInfo.InvariantCulture, $"(rule = @R{i} AND key_hash = @H{i})"));
        }

        match = string.Join(" OR ", clauses);
        return parameters;
    }

    private static List<ThrottleCount> Join(IReadOnlyList<ThrottleKey> keys, IEnumerable<Row> rows)
    {
        var byKey = rows.ToDictionary(r => (r.Rule, r.KeyHash));
        var counts = new List<ThrottleCount>(keys.Count);
        foreach (var key in keys)
        {
            if (byKey.TryGetValue((key.Rule.Name, key.Hash), out var row))
            {
                counts.Add(ToCount(key, row));
            }
        }

        return counts;
    }

    private static ThrottleCount ToCount(ThrottleKey key, Row row) =>
        new(key, (int)row.Count, DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt));

    private async Task<IEnumerable<Row>> QueryAsync(string sql, DynamicParameters parameters, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, db.Transaction, cancellationToken: ct));
    }

    private async Task<int> ExecuteAsync(string sql, DynamicParameters parameters, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, db.Transaction, cancellationToken: ct));
    }
}
