using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("128MB", 128L * 1024 * 1024)]
    [InlineData("1GB", 1024L * 1024 * 1024)]
    [InlineData("512KB", 512L * 1024)]
    [InlineData("64", 64)]
    [InlineData("10B", 10)]
    [InlineData("1.5GB", 1536L * 1024 * 1024)]
    [InlineData("2mb", 2L * 1024 * 1024)]
    [InlineData("4MiB", 4L * 1024 * 1024)]
    public void TryParse_Parses(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var size));
        Assert.Equal(bytes, size.Bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("12XB")]
    [InlineData("-1MB")]
    public void TryParse_Invalid_Fails(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Fact]
    public void ToString_UsesLargestExactUnit()
    {
        Assert.Equal("128MB", ByteSize.FromMegabytes(128).ToString());
        Assert.Equal(131072, ByteSize.FromMegabytes(128).Kibibytes);
    }

    [Fact]
    public void Load_ByteSizeKeys_Parse()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\nhashers:\n  argon2:\n    memory: 256MB\n    dedicated_memory: 2GB\n").Options;

        Assert.Equal(256L * 1024 * 1024, options.Hashers.Argon2.Memory.Bytes);
        Assert.Equal(2L * 1024 * 1024 * 1024, options.Hashers.Argon2.DedicatedMemory.Bytes);
    }

    [Fact]
    public void Load_BadByteSize_NamesPath()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nhashers:\n  argon2:\n    memory: lots\n");

        Assert.Equal("hashers.argon2.memory: expected a byte size such as \"128MB\" or \"1GB\", got \"lots\"", error.Message);
    }
}
