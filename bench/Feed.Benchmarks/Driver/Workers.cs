using System.Globalization;
using PolicingHub.Benchmarks.Feed.Plan;
using PolicingHub.Benchmarks.Feed.Worker;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>
/// The client processes: the regular consoles in chunks of <c>perWorker</c>, the slow ones in a process of their own
/// (so their stalled handlers cannot take threads from anyone else's). Workers run workstation GC.
/// </summary>
internal sealed class Workers : IAsyncDisposable
{
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(300);
    private readonly List<ChildProcess> _all = [];
    private readonly string _folder;
    private ChildProcess? _slow;

    private Workers(string folder) => _folder = folder;

    public static Workers Start(ConsolePlan plan, int perWorker, int slowMilliseconds)
    {
        var workers = new Workers(Directory.CreateTempSubdirectory("policinghub-s3-workers-").FullName);
        var chunks = plan.Regular.Chunk(perWorker).Select(c => (Slow: false, Consoles: c)).ToList();
        var slow = plan.Consoles.Where(c => c.Slow).ToArray();
        if (slow.Length > 0)
        {
            chunks.Add((true, slow));
        }
        var environment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" };
        foreach (var (isSlow, consoles) in chunks)
        {
            var file = Path.Combine(workers._folder, $"plan-{workers._all.Count}.tsv");
            File.WriteAllLines(file, consoles.Select(c => c.ToLine()));
            var child = ChildProcess.Start($"worker {workers._all.Count}", ["worker", file, slowMilliseconds.ToString(CultureInfo.InvariantCulture)], environment);
            workers._all.Add(child);
            if (isSlow)
            {
                workers._slow = child;
            }
        }
        return workers;
    }

    public int Count => _all.Count;

    /// <summary>Connects the selected consoles (partner, coordinator, all) of every worker at once; returns (connected, failed).</summary>
    public async Task<(int Ok, int Failed)> ConnectAsync(string url, bool real, string which)
    {
        var answers = await Task.WhenAll(_all.Select(w => w.AskAsync($"connect {url} {(real ? "real" : "bare")} {which}", "connected", AnswerLimit)));
        return (answers.Sum(a => int.Parse(a[1], CultureInfo.InvariantCulture)), answers.Sum(a => int.Parse(a[2], CultureInfo.InvariantCulture)));
    }

    public async Task DisconnectAsync(string which) =>
        await Task.WhenAll(_all.Select(w => w.AskAsync($"disconnect {which}", "disconnected", AnswerLimit)));

    public async Task SlowAsync(bool on)
    {
        if (_slow is not null)
        {
            await _slow.AskAsync($"slow {(on ? "on" : "off")}", "slow", AnswerLimit);
        }
    }

    /// <summary>Every receipt since the last dump, from every worker; and how many consoles the server told it was dropping them.</summary>
    public async Task<(List<Receipt> Receipts, int Closed)> DumpAsync()
    {
        var receipts = new List<Receipt>();
        var closed = 0;
        for (var i = 0; i < _all.Count; i++)
        {
            var file = Path.Combine(_folder, $"receipts-{i}.tsv");
            var answer = await _all[i].AskAsync($"dump {file}", "dumped", AnswerLimit);
            closed += int.Parse(answer[2], CultureInfo.InvariantCulture);
            receipts.AddRange(File.ReadLines(file).Where(l => l.Length > 0).Select(Receipt.FromLine));
        }
        return (receipts, closed);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_all.Select(w => w.DisposeAsync().AsTask()));
        Directory.Delete(_folder, recursive: true);
    }
}
