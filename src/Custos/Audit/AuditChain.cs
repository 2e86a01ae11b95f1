using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Custos.Audit;

/// <summary>
/// The tamper-evident chain: <c>hash = SHA-256(prev_hash ‖ canonical bytes of the row)</c>, lower-case hex. The canonical
/// bytes are a version tag followed by every stored column except <c>seq</c> (the chain itself orders the rows), each
/// length-prefixed so that moving text from one column to the next changes the hash.
/// </summary>
internal static class AuditChain
{
    private static readonly byte[] VersionTag = "custos-audit-v1"u8.ToArray();

    /// <summary>
    /// Times are hashed and stored at microsecond precision: PostgreSQL keeps no more, so a row read back hashes the
    /// same on every database.
    /// </summary>
    public static DateTime Truncate(DateTime value)
    {
        var utc = DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static string Compute(string? prevHash, AuditRow row)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(prevHash ?? ""));
        hash.AppendData(VersionTag);
        Field(hash, row.Id.ToString("D"));
        Field(hash, row.Nid.ToString("D"));
        Field(hash, row.Type);
        Field(hash, Truncate(row.OccurredAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(hash, row.ActorKind);
        Field(hash, row.ActorId?.ToString("D"));
        Field(hash, row.ActorName);
        Field(hash, row.IdentityId?.ToString("D"));
        Field(hash, row.SessionId?.ToString("D"));
        Field(hash, row.IpAddress);
        Field(hash, row.UserAgent);
        Field(hash, row.Details);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Field(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            hash.AppendData([0]);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> header = stackalloc byte[5];
        header[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        hash.AppendData(header);
        hash.AppendData(bytes);
    }
}
