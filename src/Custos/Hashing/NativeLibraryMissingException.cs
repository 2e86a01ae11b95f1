namespace Custos.Hashing;

/// <summary>Thrown at start when a native library that password hashing needs cannot be loaded.</summary>
internal sealed class NativeLibraryMissingException : Exception
{
    public NativeLibraryMissingException(IReadOnlyList<(string Library, string Package)> missing)
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

    /// <summary>The shared objects that failed to load, with the Debian package that provides each.</summary>
    public IReadOnlyList<(string Library, string Package)> Missing { get; }

    private static string BuildMessage(IReadOnlyList<(string Library, string Package)> missing) =>
        string.Join(
            Environment.NewLine,
            missing.Select(m => $"Native library {m.Library} could not be loaded; install it with: apt-get install {m.Package}"));
}
