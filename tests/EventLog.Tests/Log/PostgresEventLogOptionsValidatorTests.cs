using PolicingHub.EventLog.Postgres;

namespace PolicingHub.EventLog.Tests.Log;

/// <summary>Bad PostgreSQL log settings are refused on start, each named, and a password never appears in the message.</summary>
public sealed class PostgresEventLogOptionsValidatorTests
{
    [Fact]
    public void Valid_settings_pass()
    {
        var options = new PostgresEventLogOptions { ConnectionString = "Host=127.0.0.1;Username=policinghub;Password=secret;Database=policinghub" };

        Assert.True(new PostgresEventLogOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var options = new PostgresEventLogOptions { ConnectionString = "Database=policinghub;Password=hunter2", MaxBatchSize = 0, MaxPoolSize = 1, PollInterval = TimeSpan.Zero };

        var result = new PostgresEventLogOptionsValidator().Validate(null, options);

        Assert.Equal(
        [
            "The PostgreSQL event log's PolicingHub:EventLog:Postgres:ConnectionString names no Host.",
            "The PostgreSQL event log's PolicingHub:EventLog:Postgres:MaxBatchSize must be between 1 and 10000, not 0.",
            "The PostgreSQL event log's PolicingHub:EventLog:Postgres:MaxPoolSize must be between 2 and 1000 (the writer keeps one connection), not 1.",
            "The PostgreSQL event log's PolicingHub:EventLog:Postgres:PollInterval must be between 00:00:00.010 and 00:05:00, not 00:00:00.",
        ], result.Failures);
        Assert.Equal("Database=policinghub;Password=***", options.RedactedConnectionString());
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_is_refused_without_echoing_it()
    {
        var options = new PostgresEventLogOptions { ConnectionString = "Host=x;Passwrd=hunter2;Bogus Key=1" };

        var failure = Assert.Single(new PostgresEventLogOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("The PostgreSQL event log's PolicingHub:EventLog:Postgres:ConnectionString is not a valid Npgsql connection string", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }
}
