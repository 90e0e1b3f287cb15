namespace PolicingHub.Runtime.Tests.Grains;

public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Asks <paramref name="other"/> to call this grain back: a call chain A → B → A.</summary>
    Task<string> CallVia(string other);

    Task<string> CallBack(string origin);

    Task<string> Ping();
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<string> CallVia(string other) => GrainFactory.GetGrain<IPingGrain>(other).CallBack(GrainKey);

    public async Task<string> CallBack(string origin) => $"{GrainKey} -> " + await GrainFactory.GetGrain<IPingGrain>(origin).Ping();

    public Task<string> Ping() => Task.FromResult($"pong from {GrainKey}");
}
