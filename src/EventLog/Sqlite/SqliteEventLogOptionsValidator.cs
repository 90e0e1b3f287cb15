using Microsoft.Extensions.Options;

namespace PolicingHub.EventLog.Sqlite;

/// <summary>Refuses settings the SQLite event log cannot run with, naming the setting, so a bad silo does not start.</summary>
public sealed class SqliteEventLogOptionsValidator : IValidateOptions<SqliteEventLogOptions>
{
    /// <summary>The largest <see cref="SqliteEventLogOptions.MaxBatchSize"/> accepted.</summary>
    public const int MaxBatchSizeLimit = 10_000;

    /// <summary>The longest <see cref="SqliteEventLogOptions.CheckpointInterval"/> accepted.</summary>
    public static readonly TimeSpan MaxCheckpointInterval = TimeSpan.FromMinutes(1);

    private const string Prefix = SqliteEventLogOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SqliteEventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"The SQLite event log needs a database file: set {Prefix}:Path.");
        }
        else if (options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"The SQLite event log's {Prefix}:Path contains a character that is not allowed in a path.");
        }
        if (!Enum.IsDefined(options.Synchronous))
        {
            failures.Add($"The SQLite event log's {Prefix}:Synchronous must be Full or Normal, not '{options.Synchronous}'.");
        }
        if (options.MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            failures.Add($"The SQLite event log's {Prefix}:MaxBatchSize must be between 1 and {MaxBatchSizeLimit}, not {options.MaxBatchSize}.");
        }
        if (options.CheckpointInterval < TimeSpan.Zero || options.CheckpointInterval > MaxCheckpointInterval)
        {
            failures.Add($"The SQLite event log's {Prefix}:CheckpointInterval must be between 00:00:00 (SQLite checkpoints by itself) and {MaxCheckpointInterval}, not {options.CheckpointInterval}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
