namespace PolicingHub.Grains.Hosting;

/// <summary>
/// <c>GetGrain&lt;T&gt;(key)</c> for the hub's string-keyed grains without Orleans' per-call type lookup: Orleans 10
/// resolves T's grain interface type (and from it the grain type) by reading T's custom attributes on every
/// <c>GetGrain</c> call — 3 % of a task assignment's CPU in S6, where each assignment makes two references. Here that
/// lookup runs once per interface, through Orleans itself; each reference is then made from its <see cref="GrainId"/>
/// by Orleans' own <see cref="IGrainFactory.GetGrain(GrainId, GrainInterfaceType)"/>.
/// </summary>
public static class GrainReferences
{
    /// <summary>The reference to the <typeparamref name="TGrain"/> grain with this key, as <c>GetGrain</c> makes it.</summary>
    public static TGrain Reference<TGrain>(this IGrainFactory grains, string key) where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var types = Types<TGrain>.Resolved ??= Resolve<TGrain>(grains);
        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static ResolvedTypes Resolve<TGrain>(IGrainFactory grains) where TGrain : IGrainWithStringKey
    {
        var sample = (GrainReference)(object)grains.GetGrain<TGrain>("type-lookup");
        return new ResolvedTypes(sample.GrainId.Type, sample.InterfaceType);
    }

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    /// <summary>
    /// One interface's types, resolved the first time. The same in every silo of the process: they come from the
    /// grain classes' attributes, which all silos of a build share. (For silos, which host every grain class; a client
    /// that does not know a grain class yet would get Orleans' stub type, and should keep using GetGrain.)
    /// </summary>
    private static class Types<TGrain>
    {
        public static ResolvedTypes? Resolved;
    }
}
