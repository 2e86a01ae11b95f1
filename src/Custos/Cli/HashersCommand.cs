using System.CommandLine;
using Custos.Hashing;
using Custos.Hosting;

namespace Custos.Cli;

/// <summary><c>custos hashers argon2 calibrate</c>: finds argon2 parameters whose hash takes about the desired time here.</summary>
internal static class HashersCommand
{
    public static Command Create()
    {
        var duration = new Option<string>("--min-duration") { Description = "Desired duration of one hash (Go duration, e.g. 500ms)", DefaultValueFactory = _ => "500ms" };
        var parallelism = new Option<int>("--parallelism") { Description = "Argon2 parallelism", DefaultValueFactory = _ => 1 };
        var memory = new Option<string>("--start-memory", "-m") { Description = "Memory to start from (e.g. 64MB)", DefaultValueFactory = _ => "64MB" };
        var rpm = new Argument<int?>("requests-per-minute") { Description = "Expected logins per minute (informational)", Arity = ArgumentArity.ZeroOrOne };
        var calibrate = new Command("calibrate", "Calibrate argon2 parameters for this machine") { rpm, duration, parallelism, memory };
        calibrate.SetAction(parse =>
        {
            if (!Config.GoDuration.TryParse(parse.GetValue(duration), out var target) || target <= TimeSpan.Zero)
            {
                return CliApp.Fail($"--min-duration: \"{parse.GetValue(duration)}\" is not a duration like 500ms");
            }

            if (!Config.ByteSize.TryParse(parse.GetValue(memory), out var startMemory))
            {
                return CliApp.Fail($"--start-memory: \"{parse.GetValue(memory)}\" is not a size like 64MB");
            }

            var p = parse.GetValue(parallelism);
            if (p < 1 || p > 16)
            {
                return CliApp.Fail("--parallelism must be between 1 and 16");
            }

            try
            {
                NativeLibraries.EnsureAvailable(p == 1
                    ? [(NativeLibraries.SodiumLibrary, "argon2 calibration")]
                    : [(NativeLibraries.SodiumLibrary, "argon2 calibration"), (NativeLibraries.Argon2Library, "argon2 calibration with --parallelism above 1")]);
            }
            catch (NativeLibraryMissingException e)
            {
                return CliApp.Fail(e.Message);
            }

            var start = (uint)Math.Max(1024, startMemory.Kibibytes);
            var request = new Argon2CalibrationRequest(target, (uint)p, start, Math.Max(1024, start / 2), 1024 * 1024);
            var result = new Argon2Calibrator(TimeProvider.System).Calibrate(request, CancellationToken.None);
            Console.WriteLine("hashers:");
            Console.WriteLine("  algorithm: argon2");
            Console.WriteLine("  argon2:");
            Console.WriteLine($"    memory: {result.MemoryKiB / 1024}MB");
            Console.WriteLine($"    iterations: {result.Iterations}");
            Console.WriteLine($"    parallelism: {result.Parallelism}");
            Console.WriteLine($"    expected_duration: {(int)result.Duration.TotalMilliseconds}ms");
            return 0;
        });
        var argon2 = new Command("argon2", "Argon2 hasher tools") { calibrate };
        return new Command("hashers", "Password hasher tools") { argon2 };
    }
}
