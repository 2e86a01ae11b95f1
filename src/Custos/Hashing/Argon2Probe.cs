namespace Custos.Hashing;

/// <summary>One measurement taken during calibration: the mean duration of a hash with these parameters.</summary>
internal sealed record Argon2Probe(uint MemoryKiB, uint Iterations, TimeSpan Duration);
