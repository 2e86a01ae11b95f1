using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Custos.Courier.Jsonnet;

/// <summary>
/// Evaluates a Jsonnet snippet with libjsonnet in a fresh VM per call, with the JSON <c>ctx</c> as top-level argument
/// (Kratos passes request data as <c>TLACode("ctx", ...)</c>) and as the external variable <c>ctx</c>. Imports are disabled: an import callback that always
/// fails means a template can never read files or other templates. Evaluation runs on its own thread with a time limit,
/// because a native evaluation cannot be cancelled. Callers that pass their own variables (the OIDC claims mapper's
/// <c>claims</c> and <c>identity</c>) use <see cref="EvaluateWithAsync"/> and may set a shorter limit.
/// </summary>
internal static class JsonnetEvaluator
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly byte[] ImportRefused = Encoding.UTF8.GetBytes("imports are disabled in Custos Jsonnet templates\0");

    /// <summary>
    /// The JSON output of <paramref name="snippet"/> called with <paramref name="contextJson"/> as <c>ctx</c> (when
    /// given); throws <see cref="JsonnetException"/> with libjsonnet's message on a syntax or runtime error.
    /// </summary>
    public static Task<string> EvaluateAsync(string filename, string snippet, string? contextJson, CancellationToken ct) =>
        RunAsync(() => Evaluate(filename, snippet, contextJson, null), Limit, ct);

    /// <summary>
    /// The JSON output of <paramref name="snippet"/> with each of <paramref name="extCode"/> as a Jsonnet-code
    /// external variable (<c>std.extVar(name)</c>), cut off after <paramref name="limit"/>; throws
    /// <see cref="JsonnetException"/> on a syntax or runtime error or when the limit is reached.
    /// </summary>
    public static Task<string> EvaluateWithAsync(string filename, string snippet, IReadOnlyDictionary<string, string> extCode, TimeSpan limit, CancellationToken ct) =>
        RunAsync(() => Evaluate(filename, snippet, null, extCode), limit, ct);

    /// <summary>Evaluates synchronously (start-up checks); same contract as <see cref="EvaluateAsync"/>.</summary>
    public static string Evaluate(string filename, string snippet, string? contextJson) =>
        Evaluate(filename, snippet, contextJson, null);

    // libjsonnet has no way to interrupt an evaluation: past the limit the caller gets its answer, and the thread
    // finishes (or spins) on its own.
    private static async Task<string> RunAsync(Func<string> evaluate, TimeSpan limit, CancellationToken ct)
    {
        var evaluation = Task.Factory.StartNew(evaluate, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await evaluation.WaitAsync(limit, ct);
        }
        catch (TimeoutException)
        {
            throw new JsonnetException($"the Jsonnet evaluation took longer than {limit.TotalSeconds:0.###} s");
        }
    }

    private static unsafe string Evaluate(string filename, string snippet, string? contextJson, IReadOnlyDictionary<string, string>? extCode)
    {
        var vm = LibJsonnet.Make();
        if (vm == IntPtr.Zero)
        {
            throw new JsonnetException("libjsonnet could not create a VM");
        }

        try
        {
            LibJsonnet.MaxStack(vm, 200);
            LibJsonnet.MaxTrace(vm, 20);
            LibJsonnet.ImportCallback(vm, &RefuseImport, vm);
            if (contextJson is not null)
            {
                // Kratos's templates are `function(ctx) ...`; `std.extVar('ctx')` reads the same value (evaluated only when used).
                LibJsonnet.TlaCode(vm, "ctx", contextJson);
                LibJsonnet.ExtCode(vm, "ctx", contextJson);
            }

            foreach (var (name, code) in extCode ?? new Dictionary<string, string>())
            {
                LibJsonnet.ExtCode(vm, name, code);
            }

            var result = LibJsonnet.EvaluateSnippet(vm, filename, snippet, out var error);
            try
            {
                var text = Marshal.PtrToStringUTF8(result) ?? "";
                return error == 0 ? text : throw new JsonnetException(text.Trim());
            }
            finally
            {
                LibJsonnet.Realloc(vm, result, 0);
            }
        }
        finally
        {
            LibJsonnet.Destroy(vm);
        }
    }

    // libjsonnet frees what the callback returns, so the message is copied into memory from jsonnet_realloc.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe IntPtr RefuseImport(IntPtr context, IntPtr baseDirectory, IntPtr relativePath, IntPtr* foundHere, int* success)
    {
        *success = 0;
        var message = LibJsonnet.Realloc(context, IntPtr.Zero, (nuint)ImportRefused.Length);
        Marshal.Copy(ImportRefused, 0, message, ImportRefused.Length);
        return message;
    }
}
