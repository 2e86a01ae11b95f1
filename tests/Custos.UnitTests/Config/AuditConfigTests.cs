using Custos.Config;

namespace Custos.UnitTests.Config;

/// <summary><c>audit.retention</c>: unset by default, a Go duration from YAML or <c>AUDIT_RETENTION</c>, never zero or negative.</summary>
public sealed class AuditConfigTests
{
    [Fact]
    public void Retention_IsUnsetByDefault()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml).Options;

        Assert.Null(options.Audit.Retention);
    }

    [Fact]
    public void Retention_IsReadAsAGoDuration()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\naudit:\n  retention: 2160h\n").Options;

        Assert.Equal(TimeSpan.FromDays(90), options.Audit.Retention);
    }

    [Fact]
    public void Retention_FromTheEnvironment_WinsOverTheFile()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\naudit:\n  retention: 1h\n", new Dictionary<string, string?> { ["AUDIT_RETENTION"] = "720h" }).Options;

        Assert.Equal(TimeSpan.FromDays(30), options.Audit.Retention);
    }

    [Theory]
    [InlineData("0s", "audit.retention")]
    [InlineData("-1h", "audit.retention")]
    [InlineData("forever", "audit.retention")]
    public void Retention_NotAPositiveDuration_IsRefusedNamingTheKey(string value, string path)
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + $"\naudit:\n  retention: {value}\n");

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAuditKey_IsAWarning_AsEveryNestedKey()
    {
        var result = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\naudit:\n  keep: 1h\n");

        Assert.Contains("audit.keep: unknown config key, ignored", result.Warnings);
    }
}
