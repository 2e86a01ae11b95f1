using System.Net;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>
/// A large request body made on the fly as the server reads it (never held in memory), with or without a declared
/// <c>Content-Length</c>. <see cref="Sent"/> counts the bytes the server actually pulled.
/// </summary>
internal sealed class GeneratedContent(byte[] prefix, long length, bool declareLength) : HttpContent
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        prefix.CopyTo(chunk, 0);
        for (long left = length; left > 0;)
        {
            var size = (int)Math.Min(chunk.Length, left);
            try
            {
                await stream.WriteAsync(chunk.AsMemory(0, size));
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The server answered without reading the rest; that is the point.
                return;
            }

            Interlocked.Add(ref _sent, size);
            left -= size;
            chunk.AsSpan(0, prefix.Length).Fill((byte)'x');
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return declareLength;
    }
}
