namespace PolicingHub.EventLog.Orleans;

/// <summary>Settings of <see cref="SqliteReminderTable"/>, bound from <see cref="SectionName"/>.</summary>
public sealed class SqliteReminderTableOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "PolicingHub:Reminders:Sqlite";

    /// <summary>The default <see cref="Path"/>.</summary>
    public const string DefaultPath = "data/orleans.db";

    /// <summary>
    /// The SQLite file that holds the reminders (it may be shared with grain storage). A relative path resolves against
    /// the process's current directory; the folder and the table are created on first use.
    /// </summary>
    public string Path { get; set; } = DefaultPath;
}
