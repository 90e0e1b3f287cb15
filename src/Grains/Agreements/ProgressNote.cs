using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements;

/// <summary>A dated progress note.</summary>
public sealed record ProgressNote(
    DateTimeOffset At,
    string By,
    string Note);
