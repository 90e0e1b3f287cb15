using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PolicingHub.Testing;

/// <summary>
/// One real silo process (<c>dotnet PolicingHub.Silo.dll</c>, the build of the same configuration as the tests that
/// start it) on 127.0.0.1 with a free HTTP port, configured by environment variables (PolicingHub__…) over a working
/// folder that outlives it so a restart can reuse it. Stopped by its PID: <see cref="Kill"/> is kill -9,
/// <see cref="Terminate"/> is SIGTERM (a graceful stop).
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120); // a loaded 2-core CI machine starts a cluster silo in 10–60 s
    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<string> _token = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];

    private SiloProcess(System.Diagnostics.Process process, Uri address, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        Address = address;
        Settings = settings;
    }

    public Uri Address { get; }

    /// <summary>The environment settings it was started with (PolicingHub__…).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Its Orleans silo port (from <see cref="Settings"/>), which names it in /api/cluster: S127.0.0.1:{port}:{generation}.</summary>
    public string? SiloPort => Settings.GetValueOrDefault("PolicingHub__Orleans__SiloPort");

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

    /// <summary>The embedded profile's settings: SQLite files and the signing key under <paramref name="dataPath"/>, free Orleans ports.</summary>
    public static Dictionary<string, string> Embedded(string dataPath) => new(StringComparer.Ordinal)
    {
        ["PolicingHub__Store"] = "Sqlite",
        ["PolicingHub__DataPath"] = dataPath,
        ["PolicingHub__Auth__SigningKeyPath"] = Path.Combine(dataPath, "signing-key.b64"),
        ["PolicingHub__Orleans__SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PolicingHub__Orleans__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Starts an embedded silo on <paramref name="dataPath"/> and returns once /health answers 200.</summary>
    public static Task<SiloProcess> StartAsync(string dataPath) => StartAsync(dataPath, Embedded(dataPath));

    /// <summary>Starts a silo in <paramref name="workingDirectory"/> with <paramref name="settings"/> (environment variables) and returns once /health answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var silo = Launch(workingDirectory, settings);
        await silo.WaitHealthyAsync();
        return silo;
    }

    /// <summary>Starts an embedded silo expected to refuse to start: its exit code and every line it wrote to standard error.</summary>
    public static Task<(int ExitCode, IReadOnlyList<string> Errors)> RunRefusedAsync(string dataPath) => RunToExitAsync(dataPath, null);

    /// <summary>
    /// Runs the executable (embedded on <paramref name="dataPath"/>) with <paramref name="args"/> on <paramref name="httpPort"/>,
    /// else a free port, until it exits: its exit code and every line it wrote to standard error.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors)> RunToExitAsync(string dataPath, int? httpPort, params string[] args) =>
        await RunToExitAsync(dataPath, httpPort, null, args);

    /// <summary>As <see cref="RunToExitAsync(string, int?, string[])"/>, also collecting standard output into <paramref name="output"/>.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors)> RunToExitAsync(string dataPath, int? httpPort, List<string>? output, params string[] args)
    {
        await using var silo = Launch(dataPath, Embedded(dataPath), httpPort, args);
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

    private static SiloProcess Launch(string workingDirectory, IReadOnlyDictionary<string, string> settings, int? httpPort = null, string[]? args = null)
    {
        var http = httpPort ?? FreePorts.Next();
        var info = new ProcessStartInfo("dotnet", [SiloDll(), .. args ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}";
        info.Environment["PolicingHub__Limits__PermitPerSecond"] = "100000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }
        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{http}"), settings);
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

    /// <summary>kill -STOP: the process is frozen (no thread runs, its sockets stay open and queue what arrives) until <see cref="Resume"/>.</summary>
    public void Freeze() => Signal("-STOP");

    /// <summary>kill -CONT: a frozen process runs again, from where it stopped.</summary>
    public void Resume() => Signal("-CONT");

    /// <summary>Whether any line the process wrote so far contains <paramref name="text"/> (ordinal).</summary>
    public bool Wrote(string text)
    {
        lock (_output)
        {
            return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>SIGTERM: the host stops gracefully (Orleans leaves the cluster, hands over its grains).</summary>
    public void Terminate() => Signal("-TERM");

    /// <summary>Completes when the process has exited (after a drain, a stop or <see cref="Terminate"/>), bounded by <paramref name="limit"/>.</summary>
    public async Task<int> ExitedAsync(TimeSpan limit)
    {
        await _process.WaitForExitAsync().WaitAsync(limit);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Resume(); // never leave a stopped process behind, even for the moment before the kill
            Kill();
        }
        await Task.CompletedTask;
        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [signal, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with {_process.ExitCode}:\n{Output}");
            }
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
        throw new TimeoutException($"the silo did not answer /health within {StartLimit}:\n{Output}");
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

    /// <summary>src/Silo/bin/{Configuration}/net10.0/PolicingHub.Silo.dll, the configuration the tests were built in.</summary>
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
