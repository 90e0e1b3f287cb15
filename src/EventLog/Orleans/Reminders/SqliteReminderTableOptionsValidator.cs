using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace PolicingHub.EventLog.Orleans;

/// <summary>Refuses to start a silo whose SQLite reminder table has no usable file path.</summary>
public sealed class SqliteReminderTableOptionsValidator(IOptions<SqliteReminderTableOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var path = options.Value.Path;
        var setting = $"{SqliteReminderTableOptions.SectionName}:{nameof(SqliteReminderTableOptions.Path)}";
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OrleansConfigurationException(
                $"Invalid {nameof(SqliteReminderTableOptions)} for {nameof(SqliteReminderTable)}: {setting} is required (the SQLite file that holds the reminders).");
        }

        try
        {
            _ = System.IO.Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OrleansConfigurationException(
                $"Invalid {nameof(SqliteReminderTableOptions)} for {nameof(SqliteReminderTable)}: {setting} '{path}' is not a valid file path ({exception.Message}).");
        }
    }
}
