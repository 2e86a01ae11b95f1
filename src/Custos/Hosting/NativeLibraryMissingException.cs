namespace Custos.Hosting;

/// <summary>Thrown at start when a native library that the configuration needs cannot be loaded.</summary>
internal sealed class NativeLibraryMissingException : Exception
{
    public NativeLibraryMissingException(IReadOnlyList<(NativeDependency Dependency, string Reason)> missing)
        : base(BuildMessage(missing))
    {
        Missing = missing;
    }

    public NativeLibraryMissingException()
        : this([])
    {
    }

    public NativeLibraryMissingException(string message)
        : base(message)
    {
        Missing = [];
    }

    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Missing = [];
    }

    /// <summary>The libraries that failed to load, each with why the configuration needs it.</summary>
    public IReadOnlyList<(NativeDependency Dependency, string Reason)> Missing { get; }

    private static string BuildMessage(IReadOnlyList<(NativeDependency Dependency, string Reason)> missing) =>
        string.Join(Environment.NewLine, missing.Select(m => $"Native library {m.Dependency.Library} could not be loaded (needed for {m.Reason}); " + Remedy(m.Dependency)));

    private static string Remedy(NativeDependency dependency) =>
        dependency.DebianPackage is { } package
            ? "install it with: apt-get install " + package
            : "it ships in Custos's NuGet dependencies (runtimes/<rid>/native): rebuild or republish Custos for this platform";
}
