using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using PolicingHub.EventLog.Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>What the SQLite reminder table does to its file, and how its settings are checked.</summary>
public sealed class SqliteReminderTableFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Starting_creates_the_missing_folder_and_a_file_in_WAL_mode()
    {
        var path = _folder.File("nested/deeper/orleans.db");
        var table = Table(path);

        await table.StartAsync();
        await table.StopAsync();

        Assert.True(File.Exists(path));
        Assert.Equal("wal", await SqliteFile.JournalModeAsync(path));
    }

    [Fact]
    public async Task Starting_twice_on_the_same_file_keeps_the_rows()
    {
        var path = _folder.File("orleans.db");
        var first = Table(path);
        await first.StartAsync();
        await first.UpsertRow(new() { GrainId = GrainId.Create("t", "k"), ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        await first.StopAsync();

        var second = Table(path);
        await second.StartAsync();

        Assert.NotNull(await second.ReadRow(GrainId.Create("t", "k"), "r"));
        await second.StopAsync();
    }

    [Fact]
    public void The_default_path_is_the_embedded_data_folder()
    {
        Assert.Equal("data/orleans.db", new SqliteReminderTableOptions().Path);
        Assert.Equal("PolicingHub:Reminders:Sqlite", SqliteReminderTableOptions.SectionName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0path")]
    public void The_validator_refuses_an_unusable_path_naming_the_provider_and_the_setting(string path)
    {
        var validator = new SqliteReminderTableOptionsValidator(Options.Create(new SqliteReminderTableOptions { Path = path }));

        var refusal = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains("SqliteReminderTable", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("PolicingHub:Reminders:Sqlite:Path", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static SqliteReminderTable Table(string path) => new(
        Options.Create(new ClusterOptions { ServiceId = "file-tests", ClusterId = "file-tests" }),
        Options.Create(new SqliteReminderTableOptions { Path = path }),
        NullLogger<SqliteReminderTable>.Instance);
}
