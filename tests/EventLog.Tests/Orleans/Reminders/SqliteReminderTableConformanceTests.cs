using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using PolicingHub.EventLog.Orleans;

namespace PolicingHub.EventLog.Tests.Orleans;

/// <summary>The reminder table suite on a SQLite file of its own per test.</summary>
public sealed class SqliteReminderTableConformanceTests : ReminderTableConformanceTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IReminderTable CreateTable(string serviceId) => new SqliteReminderTable(
        Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = serviceId }),
        Options.Create(new SqliteReminderTableOptions { Path = _folder.File("orleans.db") }),
        NullLogger<SqliteReminderTable>.Instance);

    public void Dispose() => _folder.Dispose();
}
