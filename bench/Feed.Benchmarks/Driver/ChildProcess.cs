using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// This executable started again in another mode (a client worker, the bare hub), driven by lines on its standard
/// input and answering with lines on its standard output; its standard error is echoed, prefixed. Stopped by its PID.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly string _name;
    private int _errors;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    public int Pid => _process.Id;

    public static ChildProcess Start(string name, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var self = typeof(ChildProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [self, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                child._lines.Writer.TryWrite(line);
            }
            else
            {
                child._lines.Writer.TryComplete();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            // The first few lines of each child's complaints (e.g. consoles that did not connect), not thousands.
            if (e.Data is { } line && Interlocked.Increment(ref child._errors) <= 20)
            {
                Console.Error.WriteLine($"  [{name}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends one command line and returns the first answer line starting with <paramref name="answer"/>, within <paramref name="limit"/>.</summary>
    public async Task<string[]> AskAsync(string command, string answer, TimeSpan limit)
    {
        if (command.Length > 0)
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
        }
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(timeout.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (line.StartsWith(answer, StringComparison.Ordinal))
                    {
                        return line.Split(' ');
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{_name} did not answer '{answer}' to '{command}' within {limit.TotalSeconds:0} s");
        }
        throw new InvalidOperationException($"{_name} exited ({(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?")}) before answering '{command}'");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
