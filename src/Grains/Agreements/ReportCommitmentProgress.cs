using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>A progress note on a commitment (coordinator, or a partner of the responsible party).</summary>
[GenerateSerializer, Immutable, Alias("ph.ReportCommitmentProgress")]
public sealed record ReportCommitmentProgress(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] int Commitment,
    [property: Id(2)] string Note);
