using PolicingHub.EventLog.Sqlite;

namespace PolicingHub.EventLog.Tests.Log;

public sealed class SqliteEventLogOptionsValidatorTests
{
    private readonly SqliteEventLogOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new SqliteEventLogOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_setting_is_named_with_the_provider_and_its_configuration_key()
    {
        var result = _validator.Validate(null, new SqliteEventLogOptions
        {
            Path = " ", Synchronous = (SqliteSynchronousMode)7, MaxBatchSize = 10_001, CheckpointInterval = TimeSpan.FromMilliseconds(-1),
        });

        Assert.True(result.Failed);
        Assert.Equal(
        [
            "The SQLite event log needs a database file: set PolicingHub:EventLog:Sqlite:Path.",
            "The SQLite event log's PolicingHub:EventLog:Sqlite:Synchronous must be Full or Normal, not '7'.",
            "The SQLite event log's PolicingHub:EventLog:Sqlite:MaxBatchSize must be between 1 and 10000, not 10001.",
            "The SQLite event log's PolicingHub:EventLog:Sqlite:CheckpointInterval must be between 00:00:00 (SQLite checkpoints by itself) and 00:01:00, not -00:00:00.0010000.",
        ], result.Failures!);
    }

    [Fact]
    public void A_path_with_a_character_no_path_may_hold_is_refused()
    {
        var result = _validator.Validate(null, new SqliteEventLogOptions { Path = "data/\0events.db" });

        Assert.Equal(["The SQLite event log's PolicingHub:EventLog:Sqlite:Path contains a character that is not allowed in a path."], result.Failures!);
    }
}
