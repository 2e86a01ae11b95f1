namespace Custos.Hashing;

/// <summary>Input of <see cref="Argon2Calibrator"/> (the flags of <c>custos hashers argon2 calibrate</c>).</summary>
/// <param name="TargetDuration">How long one hash should take (Kratos's <c>hashers.argon2.expected_duration</c>, 500ms).</param>
/// <param name="Parallelism">Lanes, fixed during calibration.</param>
/// <param name="StartMemoryKiB">Memory of the first probe.</param>
/// <param name="MemoryStepKiB">Amount memory is adjusted by per probe; halved when it would take memory to zero.</param>
/// <param name="MaxMemoryKiB">Memory is never raised above this (dedicated memory); capped at the verifiable 1 GiB.</param>
/// <param name="StartIterations">Iterations during the memory phase.</param>
/// <param name="Runs">Hashes per probe; the probe's duration is their mean.</param>
internal sealed record Argon2CalibrationRequest(
    TimeSpan TargetDuration,
    uint Parallelism,
    uint StartMemoryKiB,
    uint MemoryStepKiB,
    uint MaxMemoryKiB,
    uint StartIterations = 1,
    int Runs = 2)
{
    /// <summary>Kratos's defaults: 500ms, 2 x CPU lanes, starting at 128MB in 64MB steps, at most 1GB.</summary>
    public static Argon2CalibrationRequest Default { get; } = new(
        TimeSpan.FromMilliseconds(500), (uint)Math.Min(2 * Environment.ProcessorCount, (int)Argon2Hash.MaxParallelism), 128 * 1024, 64 * 1024, 1024 * 1024);
}
