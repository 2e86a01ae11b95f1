using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>hashers.argon2</c>: argon2id parameters.</summary>
internal sealed class Argon2Options
{
    /// <summary><c>hashers.argon2.memory</c>: memory per hash. Default 128MB.</summary>
    [ConfigurationKeyName("memory")]
    public ByteSize Memory { get; set; } = ByteSize.FromMegabytes(128);

    /// <summary><c>hashers.argon2.iterations</c>: ≥ 1. Default 1.</summary>
    [ConfigurationKeyName("iterations")]
    [Range(1, int.MaxValue)]
    public int Iterations { get; set; } = 1;

    /// <summary><c>hashers.argon2.parallelism</c>: ≥ 1. Default twice the CPU count.</summary>
    [ConfigurationKeyName("parallelism")]
    [Range(1, 255)]
    public int Parallelism { get; set; } = Math.Min(255, Environment.ProcessorCount * 2);

    /// <summary><c>hashers.argon2.salt_length</c>: ≥ 16 bytes. Default 16.</summary>
    [ConfigurationKeyName("salt_length")]
    [Range(16, int.MaxValue)]
    public int SaltLength { get; set; } = 16;

    /// <summary><c>hashers.argon2.key_length</c>: ≥ 16 bytes. Default 32.</summary>
    [ConfigurationKeyName("key_length")]
    [Range(16, int.MaxValue)]
    public int KeyLength { get; set; } = 32;

    /// <summary><c>hashers.argon2.expected_duration</c>: target hashing time (used by calibration). Default 500ms.</summary>
    [ConfigurationKeyName("expected_duration")]
    public TimeSpan ExpectedDuration { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>hashers.argon2.expected_deviation</c>: tolerated deviation. Default 500ms.</summary>
    [ConfigurationKeyName("expected_deviation")]
    public TimeSpan ExpectedDeviation { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>hashers.argon2.dedicated_memory</c>: memory dedicated to hashing. Default 1GB.</summary>
    [ConfigurationKeyName("dedicated_memory")]
    public ByteSize DedicatedMemory { get; set; } = ByteSize.FromGigabytes(1);
}
