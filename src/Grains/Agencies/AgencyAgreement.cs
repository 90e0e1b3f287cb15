using PolicingHub.Grains.Model;

namespace PolicingHub.Grains.Agencies;

/// <summary>An agreement an agency is party to, with the status its agreement grain last reported.</summary>
public sealed record AgencyAgreement(AgreementId Agreement, AgreementStatus Status);
