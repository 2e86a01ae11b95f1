using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>log</c>.</summary>
internal sealed class LogOptions
{
    /// <summary><c>log.level</c>: trace, debug, info (default), warning, error, fatal, panic.</summary>
    [ConfigurationKeyName("level")]
    public LogLevelSetting Level { get; set; } = LogLevelSetting.Info;

    /// <summary><c>log.format</c>: <c>json</c> (default, one JSON object per line) or <c>text</c>. Kratos defaults to text; Custos logs JSON unless asked.</summary>
    [ConfigurationKeyName("format")]
    public LogFormat Format { get; set; } = LogFormat.Json;

    /// <summary><c>log.leak_sensitive_values</c>: log values that are normally redacted. Default false.</summary>
    [ConfigurationKeyName("leak_sensitive_values")]
    public bool LeakSensitiveValues { get; set; }

    /// <summary><c>log.redaction_text</c>: replacement for redacted values. Default empty (Kratos's built-in marker).</summary>
    [ConfigurationKeyName("redaction_text")]
    public string RedactionText { get; set; } = "";
}
