namespace Custos.Persistence;

/// <summary>The single network id every row carries in its <c>nid</c> column (seeded by the first migration).</summary>
internal static class Network
{
    public static readonly Guid DefaultId = Guid.Parse("c0570500-0000-4000-8000-000000000001");
}
