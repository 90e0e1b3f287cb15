using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;
using PolicingHub.Runtime;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Agreements.Events;

/// <summary>An agreement's scorecard changed.</summary>
[EventName("agreement.scorecard-changed")]
public sealed record ScorecardChanged(
    AgreementId Agreement,
    Scorecard Scorecard);
