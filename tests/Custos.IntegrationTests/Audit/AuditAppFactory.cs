using Custos.Audit;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Audit;

/// <summary>A host on SQLite with a manual clock, and a way to append audit events as the flows will.</summary>
public sealed class AuditAppFactory : CustosAppFactory
{
    public AuditAppFactory()
    {
        Clock = ManualClock;
    }

    public ManualTimeProvider ManualClock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    internal async Task<AuditEvent> AppendAsync(AuditEntry entry)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(entry, CancellationToken.None);
    }
}
