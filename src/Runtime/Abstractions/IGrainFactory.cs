namespace PolicingHub.Runtime;

/// <summary>Returns references (proxies) to grains. A grain always exists; the first call activates it.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(string key, CallOptions options) where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain with this id seen through an interface it implements (e.g. IRemindable).</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId, CallOptions? options = null) where TGrainInterface : IGrain;
}
