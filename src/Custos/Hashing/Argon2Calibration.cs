namespace Custos.Hashing;

/// <summary>The calibrated argon2id parameters, the duration measured with them, and every probe on the way.</summary>
internal sealed record Argon2Calibration(
    uint MemoryKiB,
    uint Iterations,
    uint Parallelism,
    TimeSpan Duration,
    IReadOnlyList<Argon2Probe> Probes);
