using System.Collections.Immutable;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agreements;

/// <summary>One step of the agreement lifecycle: Draft → Signed → Active ⇄ Suspended → Terminated or Expired.</summary>
internal sealed record AgreementTransition(string Verb, string Action, ImmutableArray<AgreementStatus> From, AgreementStatus To, bool NeedsReason)
{
    public static readonly AgreementTransition Sign = new("Sign", "sign agreements", [AgreementStatus.Draft], AgreementStatus.Signed, false);

    public static readonly AgreementTransition Activate = new("Activate", "activate agreements", [AgreementStatus.Signed], AgreementStatus.Active, false);

    public static readonly AgreementTransition Suspend = new("Suspend", "suspend agreements", [AgreementStatus.Active], AgreementStatus.Suspended, true);

    public static readonly AgreementTransition Resume = new("Resume", "resume agreements", [AgreementStatus.Suspended], AgreementStatus.Active, false);

    public static readonly AgreementTransition Terminate = new("Terminate", "terminate agreements",
        [AgreementStatus.Signed, AgreementStatus.Active, AgreementStatus.Suspended], AgreementStatus.Terminated, true);

    public static readonly AgreementTransition Expire = new("Expire", "expire agreements",
        [AgreementStatus.Active, AgreementStatus.Suspended], AgreementStatus.Expired, false);

    /// <summary>The status this step leads to from <paramref name="current"/>; InvalidTransitionException when it is not allowed.</summary>
    public AgreementStatus Apply(AgreementId agreement, AgreementStatus current) => From.Contains(current)
        ? To
        : throw new InvalidTransitionException($"agreement {agreement} is {current}; cannot {Verb}");

    /// <summary>The reason: required (non-empty) for suspend and terminate, optional otherwise.</summary>
    public string? ReasonOf(string? reason)
    {
        if (NeedsReason && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException($"reason: a reason is required to {Verb.ToLowerInvariant()} an agreement");
        }
        return string.IsNullOrWhiteSpace(reason) ? null : reason;
    }

    /// <summary>Changes to commitments and tasks need the agreement in force: Signed or Active for commitments, Active for the rest.</summary>
    public static void RequireStatus(AgreementId agreement, AgreementStatus current, string action, params AgreementStatus[] allowed)
    {
        if (!allowed.Contains(current))
        {
            throw new InvalidTransitionException($"agreement {agreement} is {current}; cannot {action}");
        }
    }
}
