using Custos.Config;
using Custos.Hosting;
using Custos.UnitTests.Config;

namespace Custos.UnitTests.Hosting;

public sealed class NativeLibrariesTests
{
    private const string Minimal = ConfigTestFiles.MinimalYaml;

    [Fact]
    public void EnsureAvailable_ForTheDefaultConfiguration_DoesNotThrow()
    {
        var options = ConfigTestFiles.Load(Minimal).Options;

        var error = Record.Exception(() => NativeLibraries.EnsureAvailable(NativeLibraries.NeededBy(options)));

        Assert.Null(error);
    }

    [Fact]
    public void Libsodium_ComesFromTheNuGetPackage_NotFromApt()
    {
        var packaged = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libsodium.so");

        Assert.Null(NativeLibraries.SodiumLibrary.DebianPackage);
        Assert.True(File.Exists(packaged), packaged + " is missing: the libsodium NuGet package did not ship its native library");
        Assert.True(NativeLibraries.CanLoad(NativeLibraries.SodiumLibrary));
        var mapped = File.ReadLines("/proc/self/maps").Where(l => l.Contains("libsodium", StringComparison.Ordinal)).Select(l => l[l.IndexOf('/', StringComparison.Ordinal)..]).Distinct();
        Assert.Equal([packaged], mapped);
    }

    [Fact]
    public void DefaultConfiguration_NeedsNeitherJsonnetNorLibargon2()
    {
        var options = ConfigTestFiles.Load(Minimal).Options;

        var libraries = NativeLibraries.NeededBy(options).Select(n => n.Dependency).ToList();

        Assert.DoesNotContain(NativeLibraries.JsonnetLibrary, libraries);
        Assert.DoesNotContain(NativeLibraries.Argon2Library, libraries);
        Assert.Contains(NativeLibraries.SodiumLibrary, libraries);
    }

    [Theory]
    [InlineData("courier:\n  delivery_strategy: http\n  http:\n    request_config:\n      url: http://127.0.0.1:1/mail\n", "courier.delivery_strategy")]
    [InlineData("courier:\n  channels:\n    - id: sms\n      type: http\n      request_config:\n        url: http://127.0.0.1:1/sms\n        method: POST\n", "courier.channels[0]")]
    [InlineData("selfservice:\n  flows:\n    registration:\n      after:\n        password:\n          hooks:\n            - hook: web_hook\n              config:\n                url: http://127.0.0.1:1/hook\n                method: POST\n", "selfservice.flows.registration.after.password.hooks[0]")]
    public void JsonnetFeatures_NeedLibjsonnet_NamingTheSetting(string yaml, string setting)
    {
        // A selfservice fragment joins the minimal config's own selfservice block (YAML allows a key once).
        var full = yaml.StartsWith("selfservice:", StringComparison.Ordinal) ? Minimal.Replace("selfservice:\n", yaml, StringComparison.Ordinal) : Minimal + "\n" + yaml;
        var options = ConfigTestFiles.Load(full).Options;

        var jsonnet = NativeLibraries.NeededBy(options).Where(n => n.Dependency == NativeLibraries.JsonnetLibrary).ToList();

        var reason = Assert.Single(jsonnet).Reason;
        Assert.StartsWith(setting, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, true)]
    public void Argon2Hashing_NeedsLibargon2_OnlyForMoreThanOneLane(int parallelism, bool needed)
    {
        var yaml = Minimal + $"\nhashers:\n  algorithm: argon2\n  argon2:\n    parallelism: {parallelism}\n";
        var options = ConfigTestFiles.Load(yaml).Options;

        var libraries = NativeLibraries.NeededBy(options).Select(n => n.Dependency);

        Assert.Equal(needed, libraries.Contains(NativeLibraries.Argon2Library));
    }

    [Fact]
    public void EnsureAvailable_MissingLibrary_NamesLibraryReasonAndDebianPackage()
    {
        var absent = new NativeDependency("libcustos-absent.so.9", "nothing", "libcustos-absent9");

        var error = Assert.Throws<NativeLibraryMissingException>(() => NativeLibraries.EnsureAvailable([(absent, "courier.delivery_strategy: http")]));

        Assert.Equal(
            "Native library libcustos-absent.so.9 could not be loaded (needed for courier.delivery_strategy: http); install it with: apt-get install libcustos-absent9",
            error.Message);
    }
}
