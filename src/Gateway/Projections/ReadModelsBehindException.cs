namespace PolicingHub.Gateway.Projections;

/// <summary>The read models did not reach the log's head in time (the projector is failing or far behind): HTTP 503.</summary>
public sealed class ReadModelsBehindException(long position, long head)
    : Exception($"The read models are at position {position} of {head}; try again shortly.");
