using System.Diagnostics;

namespace Sveltos.KubeSim.Tests.Infrastructure;

/// <summary>Runs the machine's real kubectl against a KubeSim kubeconfig and context.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDirectory, string context)
{
    public const string Executable = "kubectl";

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public Result Succeeded()
        {
            Assert.True(ExitCode == 0, $"kubectl failed ({ExitCode}): {Error}\n{Output}");
            return this;
        }
    }

    public async Task<Result> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<Result> RunWithInputAsync(string? input, params string[] args)
    {
        using var process = Start(args, input is not null);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts kubectl without waiting (for --watch); the caller reads its output and disposes it.</summary>
    public Process Start(string[] args, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(cacheDirectory);
        start.ArgumentList.Add("--context");
        start.ArgumentList.Add(context);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("KUBECONFIG");
        return Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
    }
}
