using PolicingHub.Runtime.Idempotency;
using PolicingHub.Runtime.Storage;

namespace PolicingHub.Runtime.Tests.Storage;

/// <summary>The command ledger: pending with the write, completed once, never overwritten.</summary>
public abstract partial class StoreConformanceTests
{
    private const string Register = "IAgencyGrain.Register";

    [Fact]
    public async Task A_write_with_a_command_records_it_pending_until_it_is_completed()
    {
        await Storage.WriteAsync(Write(Agency("a"), null, "v1", ["Registered"], new CommandKey("key-1", Register)));

        Assert.Equal(new CommandRecord(Register, null), await Ledger.FindAsync(Agency("a"), "key-1"));

        await Ledger.CompleteAsync(Agency("a"), "key-1", Register, CommandOutcome.Success("""{"ok":true}"""));

        Assert.Equal(
            new CommandRecord(Register, new CommandOutcome("""{"ok":true}""", null, null)),
            await Ledger.FindAsync(Agency("a"), "key-1"));
    }

    [Fact]
    public async Task Completing_a_command_never_overwrites_its_outcome()
    {
        await Ledger.CompleteAsync(Agency("a"), "key-1", Register, CommandOutcome.Failure(new InvalidOperationException("Agency is suspended.")));
        await Ledger.CompleteAsync(Agency("a"), "key-1", Register, CommandOutcome.Success("42"));
        await Ledger.CompleteAsync(Agency("a"), "key-1", "IAgencyGrain.Other", CommandOutcome.Success(null));

        var record = await Ledger.FindAsync(Agency("a"), "key-1");

        Assert.Equal(
            new CommandRecord(Register, new CommandOutcome(null, "System.InvalidOperationException", "Agency is suspended.")),
            record);
        Assert.True(record!.Outcome!.IsError);
    }

    [Fact]
    public async Task Completing_an_unrecorded_void_command_records_an_empty_success_distinct_from_pending()
    {
        await Ledger.CompleteAsync(Agency("a"), "key-1", Register, CommandOutcome.Success(null));

        Assert.Equal(new CommandRecord(Register, new CommandOutcome(null, null, null)), await Ledger.FindAsync(Agency("a"), "key-1"));
    }

    [Fact]
    public async Task A_later_write_with_the_same_command_key_keeps_the_first_record()
    {
        var first = await Storage.WriteAsync(Write(Agency("a"), null, "v1", command: new CommandKey("key-1", Register)));
        await Ledger.CompleteAsync(Agency("a"), "key-1", Register, CommandOutcome.Success("1"));

        await Storage.WriteAsync(Write(Agency("a"), first.ETag, "v2", command: new CommandKey("key-1", "IAgencyGrain.Rename")));

        Assert.Equal(new CommandRecord(Register, CommandOutcome.Success("1")), await Ledger.FindAsync(Agency("a"), "key-1"));
        Assert.Equal(new StoredState("v2", "2"), await Storage.ReadAsync(Agency("a"), StateName));
    }

    [Fact]
    public async Task Commands_are_recorded_per_grain_and_an_unknown_one_is_not_found()
    {
        await Storage.WriteAsync(Write(Agency("a"), null, "v1", command: new CommandKey("key-1", Register)));
        await Ledger.CompleteAsync(Agency("b"), "key-1", Register, CommandOutcome.Success("2"));

        Assert.Equal(new CommandRecord(Register, null), await Ledger.FindAsync(Agency("a"), "key-1"));
        Assert.Equal(new CommandRecord(Register, CommandOutcome.Success("2")), await Ledger.FindAsync(Agency("b"), "key-1"));
        Assert.Null(await Ledger.FindAsync(Agency("a"), "key-2"));
        Assert.Null(await Ledger.FindAsync(Agency("c"), "key-1"));
    }
}
