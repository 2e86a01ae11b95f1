using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

public sealed class NativeLibrariesTests
{
    [Fact]
    public void EnsureAvailable_WithPackagesInstalled_DoesNotThrow()
    {
        var error = Record.Exception(NativeLibraries.EnsureAvailable);

        Assert.Null(error);
    }

    [Fact]
    public void MissingException_NamesLibraryAndDebianPackage()
    {
        var error = new NativeLibraryMissingException([("libsodium.so.23", "libsodium23")]);

        Assert.Equal("Native library libsodium.so.23 could not be loaded; install it with: apt-get install libsodium23", error.Message);
    }
}
