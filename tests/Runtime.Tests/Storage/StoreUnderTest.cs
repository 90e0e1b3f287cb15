using PolicingHub.Runtime.Events;
using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Reminders;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>The four store contracts as one profile provides them.</summary>
public sealed record StoreUnderTest(IGrainStorage Storage, IEventLog Log, ICommandLedger Ledger, IReminderTable Reminders);
