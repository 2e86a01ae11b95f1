namespace Custos.Hosting;

/// <summary>
/// A native library Custos calls through P/Invoke: its soname, one symbol that proves it is the right library, and
/// where it comes from (a Debian package, or null when a NuGet package of Custos ships it).
/// </summary>
internal sealed record NativeDependency(string Library, string Symbol, string? DebianPackage);
