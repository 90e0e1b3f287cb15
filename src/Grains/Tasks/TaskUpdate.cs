using PolicingHub.Grains.Model;
using System.Collections.Immutable;

namespace PolicingHub.Grains.Tasks;

/// <summary>A dated task update.</summary>
public sealed record TaskUpdate(
    DateTimeOffset At,
    string By,
    string Text);
