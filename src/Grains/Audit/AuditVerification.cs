using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Audit;

/// <summary>The result of verifying the audit chain; names the first broken link.</summary>
public sealed record AuditVerification(
    bool Valid,
    long Entries,
    long? FirstBrokenSequence,
    string? Problem);
