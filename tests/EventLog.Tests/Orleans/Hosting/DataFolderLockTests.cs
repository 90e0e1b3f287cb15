using System.Diagnostics;
using PolicingHub.EventLog.Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>One silo per embedded data folder (DESIGN §5).</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_second_acquire_in_the_same_process_is_refused_naming_the_folder_and_the_holders_pid()
    {
        var folder = Path.Combine(_folder.Path, "data");
        using var held = DataFolderLock.Acquire(folder);

        var refusal = Assert.Throws<DataFolderInUseException>(() => DataFolderLock.Acquire(folder));

        Assert.Equal(
            $"data folder {folder} is in use by another silo (pid {Environment.ProcessId}); stop it or choose another PolicingHub:DataPath",
            refusal.Message);
    }

    [Fact]
    public void Acquiring_creates_the_folder_and_writes_the_pid_into_the_lock_file()
    {
        var folder = Path.Combine(_folder.Path, "new", "data");

        using var held = DataFolderLock.Acquire(folder);

        Assert.Equal(Path.Combine(folder, "silo.lock"), held.LockFilePath);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void After_dispose_the_folder_can_be_acquired_again()
    {
        var folder = Path.Combine(_folder.Path, "data");
        DataFolderLock.Acquire(folder).Dispose();

        using var again = DataFolderLock.Acquire(folder);

        Assert.Equal(folder, again.Folder);
    }

    [Fact]
    public async Task Another_process_cannot_take_the_lock_while_it_is_held_but_can_read_the_pid_and_take_it_after_release()
    {
        var folder = Path.Combine(_folder.Path, "data");
        var held = DataFolderLock.Acquire(folder);

        var whileHeld = await ShellAsync("flock -n \"$1\" true", held.LockFilePath);
        var pid = await ShellAsync("cat \"$1\"", held.LockFilePath);
        held.Dispose();
        var afterRelease = await ShellAsync("flock -n \"$1\" true", held.LockFilePath);

        Assert.Equal(1, whileHeld.ExitCode);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), pid.Output.Trim());
        Assert.Equal(0, afterRelease.ExitCode);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Runs <paramref name="script"/> in /bin/sh with <paramref name="argument"/> as $1 (flock(1) is util-linux's).</summary>
    private static async Task<(int ExitCode, string Output)> ShellAsync(string script, string argument)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().Within();
        Assert.True(process.ExitCode is 0 or 1, $"'{script}' exited {process.ExitCode}: {await error}");
        return (process.ExitCode, await output);
    }
}
