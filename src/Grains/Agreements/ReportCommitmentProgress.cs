using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>A progress note on a commitment (coordinator, or a partner of the responsible party).</summary>
public sealed record ReportCommitmentProgress(
    Actor Actor,
    int Commitment,
    string Note);
