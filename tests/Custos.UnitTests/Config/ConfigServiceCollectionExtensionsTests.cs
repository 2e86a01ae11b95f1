using Custos.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Custos.UnitTests.Config;

public sealed class ConfigServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustosConfiguration_OptionsMonitorReturnsLoadedTree()
    {
        var loaded = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\nserve:\n  public:\n    port: 1234\n");
        using var provider = new ServiceCollection().AddCustosConfiguration(loaded).BuildServiceProvider();

        var monitor = provider.GetRequiredService<IOptionsMonitor<CustosOptions>>();
        var options = provider.GetRequiredService<IOptions<CustosOptions>>();

        Assert.Same(loaded.Options, monitor.CurrentValue);
        Assert.Same(loaded.Options, options.Value);
        Assert.Equal(1234, monitor.CurrentValue.Serve.Public.Port);
        Assert.Same(loaded, provider.GetRequiredService<ConfigurationLoadResult>());
    }

    [Fact]
    public void Load_Configuration_ExposesFlattenedKeys()
    {
        var loaded = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\nserve:\n  public:\n    port: 1234\n");

        Assert.Equal("1234", loaded.Configuration["serve:public:port"]);
        Assert.Equal("default", loaded.Configuration["identity:schemas:0:id"]);
    }
}
