namespace Custos.IntegrationTests.Infrastructure;

/// <summary>Finds <c>../shared</c> beside the repository (the folder holding <c>Custos.slnx</c>).</summary>
internal static class SharedFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Custos.slnx")))
        {
            dir = dir.Parent;
        }

        var shared = dir is null ? null : System.IO.Path.Combine(dir.Parent!.FullName, "shared");
        return shared is not null && Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException("../shared (Kratos reference data) was not found beside the repository");
    }
}
