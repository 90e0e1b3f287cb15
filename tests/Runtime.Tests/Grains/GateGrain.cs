using PolicingHub.Runtime.Tests.Support;

namespace PolicingHub.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Notes "read-entered", waits for the probe's gate, returns.</summary>
    [ReadOnly]
    Task ReadBehindGate();

    /// <summary>Notes "write-entered", waits for the probe's gate, returns.</summary>
    Task WriteBehindGate();

    /// <summary>Never answers until the probe's gate opens.</summary>
    Task<string> Hang();
}

public sealed class GateGrain(Probe probe) : Grain, IGateGrain
{
    public async Task ReadBehindGate()
    {
        probe.Note("read-entered:" + GrainKey);
        await probe.Gate.Task;
    }

    public async Task WriteBehindGate()
    {
        probe.Note("write-entered:" + GrainKey);
        await probe.Gate.Task;
    }

    public async Task<string> Hang()
    {
        probe.Note("hang-entered:" + GrainKey);
        await probe.Gate.Task;
        return "released";
    }
}
