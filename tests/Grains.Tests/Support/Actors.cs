using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Tests.Support;

/// <summary>The people issuing commands in tests.</summary>
public static class Actors
{
    public static readonly Actor Coordinator = new("coord-kim", ActorRole.Coordinator, null);

    public static readonly Actor Operator = new("ops-lee", ActorRole.Operator, null);

    /// <summary>A liaison desk of <paramref name="agency"/>: subject "liaison-" + the code in lower case.</summary>
    public static Actor Partner(string agency) => new($"liaison-{agency.ToLowerInvariant()}", ActorRole.Partner, agency);
}
