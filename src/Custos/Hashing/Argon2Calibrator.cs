using System.Security.Cryptography;

namespace Custos.Hashing;

/// <summary>
/// Finds argon2id parameters whose hash takes about a target duration on this machine, the way
/// <c>kratos hashers argon2 calibrate</c> does: raise memory until a hash is slower than the target, lower it until it is
/// faster, then raise iterations past the target and lower them until under it again.
/// </summary>
internal sealed class Argon2Calibrator(TimeProvider timeProvider)
{
    private const int SaltLength = 16;
    private const int KeyLength = 32;

    public Task<Argon2Calibration> CalibrateAsync(Argon2CalibrationRequest request, CancellationToken ct) =>
        Task.Run(() => Calibrate(request, ct), ct);

    /// <summary>The synchronous core of <see cref="CalibrateAsync"/>; runs many deliberately slow hashes.</summary>
    public Argon2Calibration Calibrate(Argon2CalibrationRequest request, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(request.Parallelism);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Parallelism, Argon2Hash.MaxParallelism);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Runs, 1);

        var minMemory = 8 * request.Parallelism;
        var maxMemory = Math.Clamp(request.MaxMemoryKiB, minMemory, Argon2Hash.MaxMemoryKiB);
        var memory = Math.Clamp(request.StartMemoryKiB, minMemory, maxMemory);
        var step = Math.Max(request.MemoryStepKiB, 1);
        var iterations = Math.Clamp(request.StartIterations, 1, Argon2Hash.MaxIterations);
        var probes = new List<Argon2Probe>();
        var target = request.TargetDuration;

        TimeSpan Probe() => Measure(request, memory, iterations, probes, ct);

        while (true)
        {
            if (Probe() > target)
            {
                memory = Lower(memory, ref step, minMemory);
                break;
            }

            if (memory == maxMemory)
            {
                break;
            }

            memory = Math.Min(memory + step, maxMemory);
        }

        while (Probe() >= target && memory > minMemory)
        {
            memory = Lower(memory, ref step, minMemory);
        }

        while (true)
        {
            if (Probe() > target)
            {
                iterations = Math.Max(iterations - 1, 1);
                break;
            }

            if (iterations == Argon2Hash.MaxIterations)
            {
                break;
            }

            iterations++;
        }

        var duration = Probe();
        while (duration >= target && iterations > 1)
        {
            iterations--;
            duration = Probe();
        }

        return new Argon2Calibration(memory, iterations, request.Parallelism, duration, probes);
    }

    // Step down by the adjustment, halving it first whenever a full step would reach zero.
    private static uint Lower(uint memory, ref uint step, uint minMemory)
    {
        while (step > 1 && memory <= step)
        {
            step >>= 1;
        }

        return memory > step ? Math.Max(memory - step, minMemory) : minMemory;
    }

    private TimeSpan Measure(Argon2CalibrationRequest request, uint memory, uint iterations, List<Argon2Probe> probes, CancellationToken ct)
    {
        var password = RandomNumberGenerator.GetBytes(16);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var total = TimeSpan.Zero;
        for (var run = 0; run < request.Runs; run++)
        {
            ct.ThrowIfCancellationRequested();
            var started = timeProvider.GetTimestamp();
            _ = Argon2Hash.Derive(Argon2Variant.Argon2id, password, salt, iterations, memory, request.Parallelism, KeyLength)
                ?? throw new InvalidOperationException($"argon2id refused m={memory},t={iterations},p={request.Parallelism}.");
            total += timeProvider.GetElapsedTime(started);
        }

        var mean = total / request.Runs;
        probes.Add(new Argon2Probe(memory, iterations, mean));
        return mean;
    }
}
