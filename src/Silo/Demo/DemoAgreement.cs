using System.Collections.Immutable;
using PolicingHub.Grains.Agreements;
using PolicingHub.Grains.Model;

namespace PolicingHub.Silo.Demo;

/// <summary>A demo MOU: drafted, signed, activated, then given its commitments.</summary>
internal sealed record DemoAgreement(AgreementId Id, DraftAgreement Draft, SignAgreement Sign, ImmutableArray<AddCommitment> Commitments);
