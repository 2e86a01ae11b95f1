namespace Custos.Config;

/// <summary>
/// The configuration could not be loaded. Each entry of <see cref="Errors"/> starts with the YAML path it is about
/// (<c>serve.public.port: expected an integer, got "abc"</c>) or the file name for syntax errors.
/// </summary>
internal sealed class ConfigurationException : Exception
{
    /// <summary>A single error.</summary>
    public ConfigurationException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>A single error with its cause.</summary>
    public ConfigurationException(string message, Exception? innerException)
        : base(message, innerException) => Errors = [message];

    /// <summary>Several errors found in one pass.</summary>
    public ConfigurationException(IReadOnlyList<string> errors)
        : base(Combine(errors)) => Errors = errors;

    /// <summary>Parameterless constructor required by the exception design guidelines.</summary>
    public ConfigurationException()
        : this("invalid configuration")
    {
    }

    /// <summary>Every problem found, each naming its YAML path.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Combine(IReadOnlyList<string> errors) => errors.Count == 1
        ? errors[0]
        : $"the configuration has {errors.Count} errors:{Environment.NewLine}  "
          + string.Join(Environment.NewLine + "  ", errors);
}
