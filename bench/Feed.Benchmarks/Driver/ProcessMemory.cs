using System.Globalization;

namespace PolicingHub.Benchmarks.Feed.Driver;

/// <summary>A process's resident set (VmRSS in /proc/PID/status), in bytes.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[..3] is var p ? string.Join(" / ", p) : "";
}
