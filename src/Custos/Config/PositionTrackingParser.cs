using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Custos.Config;

/// <summary>
/// Wraps a YamlDotNet parser and remembers how far it got, so that failures the scanner reports without a position
/// (it throws a bare <see cref="InvalidOperationException"/> on some unterminated flow collections) still name a line.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    /// <summary>The end of the last event parsed successfully, or the document start.</summary>
    public Mark LastPosition { get; private set; } = Mark.Empty;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastPosition = current.End;
        }

        return moved;
    }
}
