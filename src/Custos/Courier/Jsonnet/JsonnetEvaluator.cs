using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Custos.Courier.Jsonnet;

/// <summary>
/// Evaluates a Jsonnet snippet with libjsonnet in a fresh VM per call, with the JSON <c>ctx</c> as top-level argument
/// (Kratos passes request data as <c>TLACode("ctx", ...)</c>) and as the external variable <c>ctx</c>. Imports are disabled: an import callback that always
/// fails means a template can never read files or other templates. Evaluation runs on its own thread with a time limit,
/// because a native evaluation cannot be cancelled.
/// </summary>
internal static class JsonnetEvaluator
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly byte[] ImportRefused = Encoding.UTF8.GetBytes("imports are disabled in Custos Jsonnet templates\0");

    /// <summary>
    /// The JSON output of <paramref name="snippet"/> called with <paramref name="contextJson"/> as <c>ctx</c> (when
    /// given); throws <see cref="JsonnetException"/> with libjsonnet's message on a syntax or runtime error.
    /// </summary>
    public static async Task<string> EvaluateAsync(string filename, string snippet, string? contextJson, CancellationToken ct)
    {
        var evaluation = Task.Factory.StartNew(() => Evaluate(filename, snippet, contextJson), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await evaluation.WaitAsync(Limit, ct);
        }
        catch (TimeoutException)
        {
            throw new JsonnetException($"the Jsonnet evaluation took longer than {Limit.TotalSeconds:0} s");
        }
    }

    /// <summary>Evaluates synchronously (start-up checks); same contract as <see cref="EvaluateAsync"/>.</summary>
    public static unsafe string Evaluate(string filename, string snippet, string? contextJson)
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
