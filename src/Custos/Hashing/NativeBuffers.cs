namespace Custos.Hashing;

/// <summary>Helpers for handing byte spans to native code.</summary>
internal static class NativeBuffers
{
    private static readonly byte[] Placeholder = [0];

    /// <summary>
    /// Returns a span whose pinned address is never null. Pinning an empty span yields a null pointer, which some
    /// native functions read as "argument absent" rather than "zero-length"; callers pass the original length.
    /// </summary>
    public static ReadOnlySpan<byte> Pinnable(ReadOnlySpan<byte> span) => span.IsEmpty ? Placeholder : span;
}
