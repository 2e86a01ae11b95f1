using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

public sealed class Argon2CalibratorTests
{
    [Fact]
    public async Task CalibrateAsync_TinyTarget_SettlesOnVerifiableParametersNearTarget()
    {
        var calibrator = new Argon2Calibrator(TimeProvider.System);
        var request = new Argon2CalibrationRequest(
            TimeSpan.FromMilliseconds(20), Parallelism: 1, StartMemoryKiB: 1024, MemoryStepKiB: 2048, MaxMemoryKiB: 64 * 1024, Runs: 1);

        var result = await calibrator.CalibrateAsync(request, CancellationToken.None);

        Assert.InRange(result.MemoryKiB, 8u, 64u * 1024);
        Assert.InRange(result.Iterations, 1u, Argon2Hash.MaxIterations);
        Assert.Equal(1u, result.Parallelism);
        Assert.NotEmpty(result.Probes);
        Assert.Equal(result.Duration, result.Probes[^1].Duration);
        Assert.True(result.Duration < TimeSpan.FromMilliseconds(20) || result.Iterations == 1, $"settled at {result.Duration}");
    }

    [Fact]
    public async Task CalibrateAsync_MemoryCapReachedBeforeTarget_RaisesIterationsInstead()
    {
        var calibrator = new Argon2Calibrator(TimeProvider.System);
        var request = new Argon2CalibrationRequest(
            TimeSpan.FromSeconds(10), Parallelism: 1, StartMemoryKiB: 64, MemoryStepKiB: 64, MaxMemoryKiB: 128, Runs: 1);

        var result = await calibrator.CalibrateAsync(request, CancellationToken.None);

        Assert.Equal(128u, result.MemoryKiB);
        Assert.Equal(Argon2Hash.MaxIterations, result.Iterations);
    }

    [Fact]
    public async Task CalibrateAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new Argon2Calibrator(TimeProvider.System).CalibrateAsync(Argon2CalibrationRequest.Default, cts.Token));
    }
}
