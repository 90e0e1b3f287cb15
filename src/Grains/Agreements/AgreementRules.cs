using System.Collections.Immutable;
using PolicingHub.Grains.Agreements.Events;
using PolicingHub.Grains.Errors;
using PolicingHub.Grains.Model;
using PolicingHub.Grains.Rules;

namespace PolicingHub.Grains.Agreements;

/// <summary>Pure content rules of agreements: drafting, signing, and the response clause a request falls under.</summary>
internal static class AgreementRules
{
    /// <summary>Used when the agreement has no clause for the request's area and priority.</summary>
    public static readonly ImmutableDictionary<Priority, (TimeSpan Acknowledge, TimeSpan Answer)> Defaults = new Dictionary<Priority, (TimeSpan, TimeSpan)>
    {
        [Priority.Critical] = (TimeSpan.FromHours(2), TimeSpan.FromDays(3)),
        [Priority.Urgent] = (TimeSpan.FromHours(8), TimeSpan.FromDays(7)),
        [Priority.Routine] = (TimeSpan.FromDays(3), TimeSpan.FromDays(30)),
    }.ToImmutableDictionary();

    /// <summary>The draft's content as it will be recorded (parties and areas de-duplicated, in the order given).</summary>
    public static AgreementDrafted Draft(AgreementId id, DraftAgreement command, DateOnly today)
    {
        var title = Require.Text(command.Title, "title", 500);
        var parties = command.Parties.OrEmpty().Distinct().ToImmutableArray();
        foreach (var party in parties.Where(p => !AgencyCode.IsValid(p.Value)))
        {
            throw new DomainValidationException($"parties: '{party.Value}' is not an agency code");
        }
        if (parties.Length < 2)
        {
            throw new DomainValidationException("parties: an agreement needs at least two distinct parties");
        }
        var areas = command.Areas.OrEmpty().Distinct().ToImmutableArray();
        if (areas.IsEmpty)
        {
            throw new DomainValidationException("areas: an agreement covers at least one cooperation area");
        }
        foreach (var area in areas.Where(a => !Enum.IsDefined(a)))
        {
            throw new DomainValidationException($"areas: {area} is not a cooperation area");
        }
        var clauses = command.ResponseClauses.OrEmpty();
        ValidateClauses(clauses, areas);
        if (command.ExpiresOn is { } expires && expires <= today)
        {
            throw new DomainValidationException($"expiresOn: must be after today ({today:yyyy-MM-dd})");
        }
        return new AgreementDrafted(id, title, parties, areas, clauses, command.ExpiresOn);
    }

    public static ImmutableArray<Signatory> Signatories(SignAgreement command, AgreementId agreement, ImmutableArray<AgencyCode> parties, DateOnly today)
    {
        if (command.SignedOn > today)
        {
            throw new DomainValidationException($"signedOn: must not be in the future (today is {today:yyyy-MM-dd})");
        }
        var signatories = command.Signatories.OrEmpty();
        foreach (var signatory in signatories)
        {
            if (signatory is null || string.IsNullOrWhiteSpace(signatory.Name) || string.IsNullOrWhiteSpace(signatory.Title))
            {
                throw new DomainValidationException("signatories: every signatory needs a name and a title");
            }
            if (!parties.Contains(signatory.Agency))
            {
                throw new DomainValidationException($"signatories: {signatory.Agency} is not a party to agreement {agreement}");
            }
        }
        foreach (var party in parties.Where(p => !signatories.Any(s => s.Agency == p)))
        {
            throw new DomainValidationException($"signatories: {party} has no signatory");
        }
        return signatories;
    }

    /// <summary>How long a new request may take to be acknowledged and answered: its clause, else the defaults.</summary>
    public static (TimeSpan Acknowledge, TimeSpan Answer) Windows(ImmutableArray<ResponseClause> clauses, CooperationArea area, Priority priority)
    {
        var clause = clauses.FirstOrDefault(c => c.Area == area && c.Priority == priority);
        return clause is null ? Defaults[priority] : (clause.AcknowledgeWithin, clause.AnswerWithin);
    }

    private static void ValidateClauses(ImmutableArray<ResponseClause> clauses, ImmutableArray<CooperationArea> areas)
    {
        var seen = new HashSet<(CooperationArea, Priority)>();
        foreach (var clause in clauses)
        {
            if (clause is null)
            {
                throw new DomainValidationException("responseClauses: a clause is missing");
            }
            var name = $"{clause.Area}/{clause.Priority}";
            if (!areas.Contains(clause.Area))
            {
                throw new DomainValidationException($"responseClauses: {clause.Area} is not an area of this agreement");
            }
            if (!Enum.IsDefined(clause.Priority))
            {
                throw new DomainValidationException($"responseClauses: {clause.Priority} is not a priority");
            }
            if (clause.AcknowledgeWithin <= TimeSpan.Zero || clause.AnswerWithin <= TimeSpan.Zero)
            {
                throw new DomainValidationException($"responseClauses: {name} needs positive durations");
            }
            if (clause.AcknowledgeWithin > clause.AnswerWithin)
            {
                throw new DomainValidationException($"responseClauses: {name} must not allow longer to acknowledge than to answer");
            }
            if (!seen.Add((clause.Area, clause.Priority)))
            {
                throw new DomainValidationException($"responseClauses: {name} appears more than once");
            }
        }
    }
}
