return await Custos.Cli.CliApp.RunAsync(args);

/// <summary>The entry point; public partial so the test host can refer to the assembly.</summary>
public partial class Program;
