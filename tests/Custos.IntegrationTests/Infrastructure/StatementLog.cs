using System.Collections.Concurrent;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>The SQL texts executed through a <see cref="CountingConnectionFactory"/>, while recording is on.</summary>
public sealed class StatementLog
{
    private readonly ConcurrentQueue<string> _statements = new();
    private volatile bool _recording;

    public IReadOnlyList<string> Statements => [.. _statements];

    public void Start()
    {
        _statements.Clear();
        _recording = true;
    }

    public IReadOnlyList<string> Stop()
    {
        _recording = false;
        return Statements;
    }

    internal void Record(string sql)
    {
        if (_recording)
        {
            _statements.Enqueue(sql);
        }
    }
}
