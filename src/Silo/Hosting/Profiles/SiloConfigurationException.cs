namespace PolicingHub.Silo.Hosting.Profiles;

/// <summary>The silo's configuration cannot work: the message is one line naming every bad setting and what to set.</summary>
public sealed class SiloConfigurationException(IReadOnlyList<string> failures)
    : Exception("PolicingHub configuration: " + string.Join("; ", failures))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
