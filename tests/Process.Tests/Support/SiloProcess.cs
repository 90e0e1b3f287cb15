using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicingHub.Process.Tests.Support;

/// <summary>
/// One real silo process (<c>dotnet PolicingHub.Silo.dll</c>, the build of the same configuration as these tests) on
/// the embedded SQLite profile, on 127.0.0.1 with free ports, over a data folder that outlives it so a restart can
/// reuse it. Stopped by its PID: <see cref="Kill"/> is kill -9.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<string> _token = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];

    private SiloProcess(System.Diagnostics.Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>Everything the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }
    }

    /// <summary>The coordinator token the first start prints (only when this start created the signing key).</summary>
    public Task<string> FirstStartToken => _token.Task;

    /// <summary>Starts a silo on <paramref name="dataPath"/> and returns once /health answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(string dataPath)
    {
        var silo = Launch(dataPath);
        await silo.WaitHealthyAsync();
        return silo;
    }

    /// <summary>Starts a silo expected to refuse to start: its exit code and every line it wrote to standard error.</summary>
    public static Task<(int ExitCode, IReadOnlyList<string> Errors)> RunRefusedAsync(string dataPath) => RunToExitAsync(dataPath, null);

    /// <summary>
    /// Runs the executable with <paramref name="args"/> (on <paramref name="httpPort"/>, else a free port) until it exits:
    /// its exit code and every line it wrote to standard error; <see cref="Output"/> of the returned run is not kept.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors)> RunToExitAsync(string dataPath, int? httpPort, params string[] args) =>
        await RunToExitAsync(dataPath, httpPort, null, args);

    /// <summary>As <see cref="RunToExitAsync(string, int?, string[])"/>, also collecting standard output into <paramref name="output"/>.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors)> RunToExitAsync(string dataPath, int? httpPort, List<string>? output, params string[] args)
    {
        await using var silo = Launch(dataPath, httpPort, args);
        await silo._process.WaitForExitAsync().WaitAsync(StartLimit);
        silo._process.WaitForExit(); // drains the redirected streams
        output?.AddRange(silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        lock (silo._errors)
        {
            return (silo._process.ExitCode, [.. silo._errors]);
        }
    }

    /// <summary>The HTTP port the gateway listens on.</summary>
    public int Port => Address.Port;

    private static SiloProcess Launch(string dataPath, int? httpPort = null, string[]? args = null)
    {
        var http = httpPort ?? FreePorts.Next();
        var info = new ProcessStartInfo("dotnet", [SiloDll(), .. args ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataPath,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}";
        info.Environment["PolicingHub__Store"] = "Sqlite";
        info.Environment["PolicingHub__DataPath"] = dataPath;
        info.Environment["PolicingHub__Auth__SigningKeyPath"] = Path.Combine(dataPath, "signing-key.b64");
        info.Environment["PolicingHub__Orleans__SiloPort"] = FreePorts.Next().ToString();
        info.Environment["PolicingHub__Orleans__GatewayPort"] = FreePorts.Next().ToString();
        info.Environment["PolicingHub__Limits__PermitPerSecond"] = "100000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{http}"));
        process.OutputDataReceived += (_, e) => silo.Collect(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            silo.Collect(e.Data);
            if (e.Data is { } line)
            {
                lock (silo._errors)
                {
                    silo._errors.Add(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>kill -9: no shutdown, no flush, no goodbye to anyone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        await Task.CompletedTask;
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"the silo exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100); // polling a condition, bounded by StartLimit
        }
        Assert.Fail($"the silo did not answer /health within {StartLimit}:\n{Output}");
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (TokenLine().Match(line) is { Success: true } match)
        {
            _token.TrySetResult(match.Groups[1].Value);
        }
    }

    /// <summary>src/Silo/bin/{Configuration}/net10.0/PolicingHub.Silo.dll, the configuration these tests were built in.</summary>
    private static string SiloDll()
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PolicingHub.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("PolicingHub.sln not found above the test output");
        }
        var dll = Path.Combine(root, "src", "Silo", "bin", configuration, "net10.0", "PolicingHub.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Silo first", dll);
    }


    [GeneratedRegex("Coordinator token: (\\S+)")]
    private static partial Regex TokenLine();
}
