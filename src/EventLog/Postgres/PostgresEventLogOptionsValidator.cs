using Microsoft.Extensions.Options;

namespace PolicingHub.EventLog.Postgres;

/// <summary>Refuses settings the PostgreSQL event log cannot run with, naming the setting, so a bad silo does not start.</summary>
public sealed class PostgresEventLogOptionsValidator : IValidateOptions<PostgresEventLogOptions>
{
    /// <summary>The largest <see cref="PostgresEventLogOptions.MaxBatchSize"/> accepted.</summary>
    public const int MaxBatchSizeLimit = 10_000;

    /// <summary>The largest <see cref="PostgresEventLogOptions.MaxPoolSize"/> accepted.</summary>
    public const int MaxPoolSizeLimit = 1_000;

    private const string Prefix = PostgresEventLogOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PostgresEventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (PostgresConnectionStrings.Problem(options.ConnectionString) is { } problem)
        {
            failures.Add($"The PostgreSQL event log's {Prefix}:ConnectionString {problem}.");
        }
        if (options.MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            failures.Add($"The PostgreSQL event log's {Prefix}:MaxBatchSize must be between 1 and {MaxBatchSizeLimit}, not {options.MaxBatchSize}.");
        }
        if (options.MaxPoolSize is < 2 or > MaxPoolSizeLimit)
        {
            failures.Add($"The PostgreSQL event log's {Prefix}:MaxPoolSize must be between 2 and {MaxPoolSizeLimit} (the writer keeps one connection), not {options.MaxPoolSize}.");
        }
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"The PostgreSQL event log's {Prefix}:PollInterval must be between 00:00:00.010 and 00:05:00, not {options.PollInterval}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
